# Dalsze strony konta: tokeny API, powiadomienia, osoby organizacji, eksport, usunięcie.

am-back = ← Moje konto
am-created = Utworzono
am-save = Zapisz
am-actions = Działania

am-tokens-title = Tokeny API
am-tokens-intro = Token pozwala programowi korzystać z API portalu w Twoim imieniu i z Twoimi uprawnieniami. Wysyłaj go w nagłówku „Authorization: Bearer …”. Unieważnij token, którego już nie używasz.
am-tokens-none = Nie masz żadnych tokenów.
am-tokens-name = Nazwa
am-tokens-name-hint = Do czego służy token, np. „eksport do ERP”.
am-tokens-name-missing = Nadaj tokenowi nazwę.
am-tokens-name-long = Nazwa może mieć najwyżej 100 znaków.
am-tokens-state = Stan
am-tokens-revoke = Unieważnij
am-tokens-revoked = Token został unieważniony i już nie działa.
am-tokens-revoked-on = Unieważniony { $date }
am-tokens-new = Nowy token
am-tokens-create = Utwórz token
am-tokens-secret-heading = Twój nowy token:
am-tokens-secret-note = Skopiuj go teraz i przechowuj bezpiecznie: pokazujemy go tylko ten jeden raz. Zapisujemy wyłącznie jego odcisk, więc nikt nie pokaże Ci go ponownie.

am-alerts-title = Powiadomienia
am-alerts-intro = Zapisane wyszukiwania informują Cię o nowych ofertach: e-mailem od razu, w codziennym zestawieniu albo tylko w kanale dla czytnika.
am-alerts-none = Nie masz jeszcze zapisanych wyszukiwań. Wyszukaj oferty i zapisz wyszukiwanie, aby dostawać informacje o nowych.
am-alerts-search = Szukaj ofert
am-alerts-delivery-of = Powiadamianie o „{ $name }”
am-alerts-instant = E-mail od razu
am-alerts-daily = Codzienne zestawienie e-mailem
am-alerts-feed = Tylko kanał (bez e-maili)
am-alerts-delete = Usuń
am-alerts-saved = Sposób powiadamiania został zapisany.
am-alerts-deleted = Zapisane wyszukiwanie zostało usunięte.
am-alerts-feed-hint = Link do kanału działa bez logowania: nie udostępniaj go innym.

am-org-title = Osoby mojej organizacji
am-org-since = Konto od
am-org-you = (Ty)
am-org-pending = (jeszcze nie ustawiła hasła)
am-org-role-of = Rola osoby { $email }
am-org-remove = Usuń
am-org-add = Dodaj osobę
am-org-add-hint = Osoba bez konta dostanie e-mail z linkiem do ustawienia hasła.
am-org-add-submit = Dodaj
am-org-invited = Osoba została dodana; wysłaliśmy jej link do ustawienia hasła.
am-org-added = Osoba została dodana do Twojej organizacji.
am-org-role = Rola została zmieniona.
am-org-removed = Osoba została usunięta z Twojej organizacji. Jej konto pozostaje.
am-org-already = Ta osoba już należy do Twojej organizacji.
am-org-taken = Ten adres należy do konta z inną rolą lub w innej organizacji. Zwróć się do administratora platformy.
am-org-last-admin = Twoja organizacja musi mieć co najmniej jednego administratora. Najpierw nadaj tę rolę komuś innemu.

am-export-link = Pobierz moje dane
am-delete-title = Usuń moje konto
am-delete-intro = Usunięcie konta wymaże Twój adres e-mail, hasło, sesje, tokeny API, zapisane wyszukiwania i niedokończone ankiety. Tego nie da się cofnąć.
am-delete-stays = To, co opublikowano w imieniu Twojej organizacji (jej profil, oferty i odpowiedzi), pozostaje przy organizacji, już bez Twojego konta.
am-delete-export = Możesz najpierw pobrać swoje dane.
am-delete-submit = Usuń konto na zawsze
am-delete-wrong = Hasło jest nieprawidłowe.
