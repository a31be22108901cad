# Страницы портала Klaster, русский.
# Сообщения — обычный текст: шаблоны экранируют их. Аргументы: $site, $language, $original,
# $value — текст; $count, $from, $to, $total — числа. Названия языков приходят из CLDR
# в именительном падеже со строчной буквы («немецкий»), отсюда конструкции с двоеточием.

## Макет страницы

skip-to-content = Перейти к содержанию
nav-label = Главная навигация
nav-home = Главная
nav-offers = Предложения
nav-directory = Каталог
nav-analytics = Аналитика
language-label = Язык
footer-about = { $site } — открытое программное обеспечение для промышленных кластеров: каталог предприятий, многоязычный портал предложений о сотрудничестве и аналитика кластеров.
footer-feed = Новые предложения (лента Atom)
footer-api = JSON API (OpenAPI)

## Главная

home-title = Портал сотрудничества промышленных кластеров
home-heading = Сотрудничество предприятий промышленных кластеров
home-intro = Предприятия, кластерные организации, университеты и агентства развития публикуют здесь предложения о сотрудничестве: передачу заказов, свободные производственные мощности, коммерческие и технологические предложения, поиск партнёров для проектов и совместные стенды на выставках. Каждое предложение переводится на одиннадцать рабочих языков портала, а его параметры показываются на вашем языке.
home-search-label = Поиск по предложениям
home-latest = Новые предложения
home-latest-empty = Пока не опубликовано ни одного предложения.
home-all-offers = Все предложения, сначала новые
home-clusters = Кластеры
home-clusters-empty = В каталоге пока нет кластеров.
home-cluster-members = { $count ->
    [one] { $count } участник
    [few] { $count } участника
    [many] { $count } участников
   *[other] { $count } участника
}
home-links = Быстрые ссылки
home-link-kinds = Предложения по видам
home-link-api = Документация API (OpenAPI)

## Предложения в списках

original-language = язык оригинала: { $language }
partial-translation = частичный перевод; язык оригинала: { $language }
offer-kind = Вид
offer-country = Страна
offer-deadline = Срок

## Поиск

search-title = Поиск предложений
search-heading = Поиск предложений о сотрудничестве
search-q = Слова
search-q-hint = На любом языке: поиск идёт по всем переводам предложения.
search-kind = Вид предложения
search-kind-any = Любой вид
search-nace = Отрасль (код NACE)
search-nace-hint = Например, 25 или 25.62; несколько кодов через запятую.
search-region = Регион или страна
search-region-hint = Код NUTS или ISO, например PL84, PL841 или BY.
search-sort = Порядок
sort-relevance = Сначала наиболее подходящие
sort-newest = Сначала новые
sort-deadline = Сначала с ближайшим сроком
search-submit = Найти
search-results = Результаты
search-total = { $count ->
    [one] Найдено { $count } предложение
    [few] Найдено { $count } предложения
    [many] Найдено { $count } предложений
   *[other] Найдено { $count } предложения
}
search-range = Предложения { $from }–{ $to } из { $total }
search-none = Ни одно предложение не подходит. Попробуйте меньше слов или уберите фильтр.
search-unavailable = Поиск временно недоступен. Попробуйте позже.
search-form-invalid = Исправьте отмеченные поля.
search-facets = Уточнить
facet-kind = Вид
facet-country = Страна
facet-language = Язык оригинала
pagination-label = Страницы результатов
pagination-prev = Предыдущая страница
pagination-next = Следующая страница
error-kind = Выберите вид из списка.
error-nace = «{ $value }» — не код NACE Rev. 2.
error-region = «{ $value }» — не код региона NUTS 2021, региона ISO 3166-2 или страны.
error-sort = Выберите порядок из списка.

## Одно предложение

offer-title = Предложение
offer-back = Назад к поиску
offer-by = Автор
offer-published = Опубликовано
offer-description = Описание
offer-details = Параметры
offer-attachments = Вложения
offer-other-languages = Читать на другом языке
offer-mark-machine = Машинный перевод: возможны ошибки.
offer-mark-partial = Частичный перевод: некоторые фрагменты ещё на языке оригинала (язык: { $original }).
offer-mark-untranslated = Перевода на язык «{ $language }» пока нет. Показан оригинал (язык: { $original }).
offer-mark-human = Переведено человеком.
offer-mark-reviewed = Перевод проверен человеком.
offer-show-original = Показать оригинал (язык: { $language })
offer-show-in = Показать версию на языке: { $language }

## Ошибки

error-404-title = Страница не найдена
error-404-text = Такой страницы нет, или предложение не является публичным.
error-500-title = Что-то пошло не так
error-500-text = Сервер сейчас не смог ответить. Попробуйте ещё раз через минуту.
error-403-title = Нет доступа
error-403-text = Вашей учётной записи нельзя просматривать или изменять это.
error-400-title = Не удалось прочитать форму
error-400-text = Отправленные данные не похожи ни на одну из наших форм. Вернитесь, обновите страницу и попробуйте ещё раз.
error-expired-title = Срок действия формы истёк
error-expired-text = Для вашей безопасности форма работает только в окне, где её открыли, и пока вы не вышли из системы. Вернитесь, обновите страницу и отправьте её снова.
error-413-title = Слишком большой объём
error-413-text = Отправленные данные больше, чем принимает портал.
error-home-link = Перейти на главную
