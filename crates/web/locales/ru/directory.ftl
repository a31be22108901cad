# Страницы каталога, русский. Аргументы: $value, $name, $status, $date — текст; $count — число.

## Поиск

dir-title = Каталог
dir-heading = Каталог предприятий, кластеров и организаций
dir-intro = Предприятия, кластерные организации, вузы, научно-исследовательские институты, агентства развития и торговые палаты. Ищите по названию или сужайте список по виду, отрасли, региону, кластеру или размеру.
dir-q = Название
dir-q-hint = Часть названия; регистр букв и диакритические знаки не важны.
dir-kind = Вид организации
dir-kind-any = Любой вид
dir-nace = Отрасль (код NACE)
dir-nace-hint = Например, C, 25 или 25.62.
dir-region = Регион
dir-region-hint = Код NUTS или ISO 3166-2, например PL84, PL841 или BY-HR.
dir-country = Страна
dir-country-hint = Двухбуквенный код, например PL, LT или BY.
dir-cluster = Кластер
dir-cluster-any = Любой кластер
dir-size = Размер предприятия
dir-size-any = Любой размер
dir-submit = Найти
dir-reset = Сбросить все фильтры
dir-results = Организации
dir-total = { $count ->
    [one] Найдена { $count } организация
    [few] Найдено { $count } организации
    [many] Найдено { $count } организаций
   *[other] Найдено { $count } организации
}
dir-none = Подходящих организаций нет. Попробуйте более короткое название или уберите один из фильтров.
dir-form-invalid = Исправьте отмеченные поля.
dir-facets = Уточнить
dir-facet-kind = Вид
dir-facet-nace = Отрасль
dir-facet-region = Регион
dir-facet-country = Страна
dir-facet-cluster = Кластер
dir-facet-size = Размер
dir-pager-label = Страницы результатов
dir-first-page = Первая страница
dir-next-page = Следующая страница
dir-kind-label = Вид
dir-place = Местонахождение
dir-branch = Основной вид деятельности
dir-member-of = Член кластеров
dir-error-kind = Выберите вид из списка.
dir-error-nace = «{ $value }» не является кодом NACE Rev. 2.
dir-error-region = «{ $value }» не является кодом региона NUTS 2021 или ISO 3166-2.
dir-error-country = «{ $value }» не является кодом страны ISO 3166-1.
dir-error-cluster = Выберите кластер из списка.
dir-error-size = Выберите размер из списка.

## Виды организаций и размеры

dir-kind-company = Предприятие
dir-kind-cluster_organisation = Кластерная организация
dir-kind-development_agency = Агентство развития
dir-kind-foundation = Фонд
dir-kind-chamber = Торгово-промышленная палата
dir-kind-association = Ассоциация
dir-kind-university = Вуз
dir-kind-research_institute = Научно-исследовательский институт
dir-kind-public_authority = Орган государственной власти
dir-size-micro = Микропредприятие (менее 10 человек)
dir-size-small = Малое предприятие (менее 50 человек)
dir-size-medium = Среднее предприятие (менее 250 человек)
dir-size-large = Крупное предприятие (250 человек и более)

## Профиль

dir-back = Назад в каталог
dir-other-names = Другие названия
dir-about = Об организации
dir-facts = Основные сведения
dir-short-name = Краткое название
dir-legal-nip = NIP (польский налоговый номер)
dir-legal-regon = REGON
dir-legal-krs = Номер KRS
dir-legal-eu_vat = Номер плательщика НДС в ЕС
dir-legal-unp = УНП
dir-address = Адрес
dir-region-label = Регион
dir-country-label = Страна
dir-founded = Год основания
dir-employees = Численность работников
dir-size-label = Размер
dir-export-markets = Экспортные рынки
dir-languages = Языки общения
dir-activities = Виды деятельности (NACE Rev. 2)
dir-nace-main = основной вид деятельности
dir-capabilities-heading = Что предлагает организация
dir-capabilities = Компетенции
dir-certifications = Сертификаты
dir-machines = Станочный парк
dir-machine-quantity = { $count } шт.
dir-capacity = Производственные мощности
dir-keywords = Ключевые слова
dir-contact = Контакты
dir-website = Сайт
dir-email = Эл. почта
dir-phone = Телефон
dir-clusters = Кластеры
dir-member-since = член с { $date }
dir-role-coordinator = Координатор
dir-role-founding_member = Член-учредитель
dir-role-member = Член
dir-related = Связанные организации
dir-relation-partner = Партнёр
dir-relation-parent = Материнская компания
dir-relation-subsidiary = Дочерняя компания
dir-agreements = Соглашения и письма о намерениях
dir-agreement-cooperation_agreement = Соглашение о сотрудничестве
dir-agreement-letter_of_intent = Письмо о намерениях
dir-agreement-memorandum_of_understanding = Меморандум о взаимопонимании
dir-agreement-project_partnership = Партнёрство по проекту
dir-signed = подписано { $date }
dir-valid-until = действует до { $date }
dir-cross-border = трансграничное
dir-parties = Стороны
dir-offers = Предложения о сотрудничестве
dir-post-offer = Разместить предложение от имени этой организации

## Кластер

dir-members = Члены
dir-member-count = { $count ->
    [one] { $count } действующий член
    [few] { $count } действующих члена
    [many] { $count } действующих членов
   *[other] { $count } действующего члена
}
dir-members-search = Искать среди членов
dir-col-member = Организация
dir-col-role = Роль
dir-col-joined = Член с
dir-statuses = Статусы
dir-status-key_national_cluster = Ключевой национальный кластер
dir-status-current = действует
dir-status-expired = истёк
dir-status-granted = Присвоен
dir-status-recertified = Повторная сертификация
dir-status-valid-until = Действует до
dir-status-granted-by = Кем присвоен
dir-status-note = Примечание
dir-cluster-profile = Профиль кластера
dir-cluster-branches = Отрасли
dir-cluster-regions = Регионы
dir-history = История
dir-event-joined = Вступление в кластер: { $name }.
dir-event-left = Выход из кластера: { $name }.
dir-event-granted = Присвоен статус: { $status }.
dir-event-recertified = Статус подтверждён повторной сертификацией: { $status }.
dir-event-expired = Истёк статус: { $status }.

## Управление кластером (координатор или администратор)
dir-manage = Управлять кластером: участники и статусы
nav-my-cluster = Мой кластер
cm-title = Управление кластером
cm-title-of = Управление: { $name }
cm-back = Назад к профилю кластера
cm-lead = Изменения сразу видны в публичном профиле кластера и в его истории.
cm-no-members = У кластера пока нет участников.
cm-members-hint = Чтобы отметить выход участника, укажите дату выхода и сохраните.
cm-left-on = Дата выхода
cm-role-of = Роль: { $name }
cm-left-of = Дата выхода: { $name }
cm-add = Добавить участника
cm-find = Название организации
cm-find-submit = Найти
cm-found-none = Вне кластера нет организации с таким названием. Фирмы вступают через анкету, или администратор добавляет их в каталог.
cm-add-submit = Добавить в кластер
cm-no-statuses = Статусы не записаны.
cm-new-valid-until = Новый срок действия
cm-recertify = Записать повторную сертификацию
cm-delete-status = Удалить (записан по ошибке)
cm-add-status = Записать статус
cm-add-status-submit = Сохранить статус
cm-status-kind = Статус
cm-kind-key_national_cluster = Ключевой национальный кластер
cm-kind-other = Другой статус (укажите название ниже)
cm-status-label = Название статуса
cm-status-label-hint = Только для другого статуса, например регионального сертификата.
cm-status-granted-by-hint = Орган, присвоивший статус, например Министерство развития и технологий.
cm-done-member-added = Участник добавлен.
cm-done-member-saved = Роль участника сохранена.
cm-done-member-ended = Членство завершено указанной датой.
cm-done-status-added = Статус записан.
cm-done-status-saved = Повторная сертификация записана.
cm-done-status-deleted = Статус удалён.
cm-error-joined = Укажите дату вступления организации.
cm-error-left = Укажите дату выхода в виде даты или оставьте поле пустым.
cm-error-already-member = Эта организация уже является участником кластера.
cm-error-status = Статус не сохранён: исправьте отмеченные поля.
cm-error-recertify = Укажите дату повторной сертификации (и новый срок действия в виде даты).
cm-branches-hint = Коды NACE отраслей кластера через запятую, например 25.62, 28.41.
cm-regions-hint = Коды его регионов (NUTS, для Беларуси ISO), например PL84, BY-HR.
cm-requires-review = Проверять предложения участников перед публикацией
cm-requires-review-hint = Тогда предложения участников кластера будут ждать в вашем списке на проверку.
cm-done-profile-saved = Профиль кластера сохранён.
cm-error-profile = Профиль не сохранён: исправьте отмеченные поля.
