# Почтовые уведомления портала, русский.
# Аргументы — обычный текст: $org, $title, $search, $name, $site, $language; $count — число.
# Названия организаций и портала стоят в именительном падеже (после «организация», «портал»).

## Общее

greeting = Здравствуйте, { $name }!
greeting-anonymous = Здравствуйте!
footer-automatic = Это письмо отправлено автоматически порталом { $site }.
footer-do-not-reply = Пожалуйста, не отвечайте на него: ответы на этот адрес не читаются.
open-conversation = Открыть переписку
contact-person = Контактное лицо
contact-organisation = Организация
contact-email = Эл. почта
contact-phone = Телефон
browse-offers = Смотреть предложения
see-all-results = Все результаты
more-offers = …и ещё { $count }.
manage-alerts = Управление сохранёнными поисками и уведомлениями

## Интерес получен (владельцу предложения)

interest-received-subject = Интерес к вашему предложению «{ $title }»: { $org }
interest-received-intro = Организация { $org } проявила интерес к вашему предложению «{ $title }».
interest-received-message = Сообщение:
interest-received-original = Переведено автоматически (язык оригинала: { $language }). Оригинал:
interest-received-no-message = Сообщение не приложено.
interest-received-next = Если вы примете интерес, портал { $site } познакомит вас по электронной почте и передаст контактные данные.
interest-reply-subject = Новое сообщение о предложении «{ $title }»: { $org }
interest-reply-intro = Новое сообщение от { $org } в переписке о предложении «{ $title }».

## Интерес принят (знакомство, обеим сторонам)

interest-accepted-subject = Знакомство: { $org } – «{ $title }»
interest-accepted-intro-owner = Вы приняли интерес организации { $org } к вашему предложению «{ $title }». Контактные данные:
interest-accepted-intro-interested = Организация { $org } приняла ваш интерес к предложению «{ $title }». Контактные данные:
interest-accepted-reply = Ответ на это письмо придёт напрямую адресату: { $name }.

## Интерес отклонён (заинтересованной стороне)

interest-declined-subject = Ваш интерес к предложению «{ $title }»
interest-declined-intro = Организация { $org } отклонила ваш интерес к предложению «{ $title }».
interest-declined-note = Сообщение организации:
interest-declined-encourage = На портале { $site } много других предложений — возможно, какое-то из них подойдёт лучше.

## Уведомление (один сохранённый поиск)

alert-subject = { $count ->
        [one] { $count } новое предложение
        [few] { $count } новых предложения
       *[many] { $count } новых предложений
    } по поиску «{ $search }»
alert-intro = { $count ->
        [one] Появилось { $count } новое предложение
        [few] Появилось { $count } новых предложения
       *[many] Появилось { $count } новых предложений
    } по вашему сохранённому поиску «{ $search }»:
alert-why = Вы получили это письмо, потому что на портале { $site } сохранён поиск «{ $search }» с уведомлениями по электронной почте.
unsubscribe-alert = Отписаться от писем по этому поиску

## Ежедневная сводка (все сохранённые поиски)

digest-subject = Ежедневная сводка: { $count ->
        [one] { $count } новое предложение
        [few] { $count } новых предложения
       *[many] { $count } новых предложений
    }
digest-intro = Новые предложения по вашим сохранённым поискам с момента последней сводки:
digest-section = «{ $search }»: { $count ->
        [one] { $count } новое предложение
        [few] { $count } новых предложения
       *[many] { $count } новых предложений
    }
digest-empty = С момента последней сводки новых предложений нет.
digest-why = Вы получили эту сводку, потому что она включена для ваших сохранённых поисков на портале { $site }.
unsubscribe-digest = Отписаться от ежедневной сводки
