# Konta: rejestracja, potwierdzenie, logowanie, zmiana hasła, strona konta.

nav-signin = Zaloguj się
nav-signup = Załóż konto
nav-account = Moje konto
nav-signout = Wyloguj się
nav-account-label = Konto
nav-review = Ocena ankiet
nav-my-offers = Moje oferty
nav-new-offer = Dodaj ofertę
nav-interests = Zainteresowania

form-error-summary = Popraw zaznaczone pola.
field-email = Adres e-mail
field-password = Hasło
field-password-new = Nowe hasło
field-password-hint = Co najmniej 10 znaków. Kilka niezwiązanych słów łatwo zapamiętać i trudno odgadnąć.
field-password-repeat = Powtórz hasło
field-lang = Język wiadomości e-mail i ofert
field-lang-hint = Oferty pokażemy przetłumaczone na ten język; w nim (albo po angielsku) wyślemy wiadomości e-mail.

error-email = Podaj poprawny adres e-mail, np. imie@firma.pl.
error-password-short = Hasło musi mieć co najmniej 10 znaków.
error-password-long = Hasło może mieć najwyżej 256 znaków.
error-password-email = Hasło nie może być adresem e-mail.
error-password-repeat = Hasła się różnią.
error-lang = Wybierz język z listy.
error-signin = Nieprawidłowy adres e-mail lub hasło.
error-unverified = Najpierw potwierdź adres e-mail: wysłaliśmy Ci nowy link.
error-too-many = Zbyt wiele prób. Dla bezpieczeństwa spróbuj ponownie za 15 minut.

signup-title = Załóż konto
signup-intro = Z kontem możesz publikować oferty współpracy, odpowiadać na oferty innych firm, zapisywać wyszukiwania i dołączyć do klastra przez jego ankietę.
signup-privacy = Przechowujemy Twój adres e-mail, skrót (hash) hasła i wybrany język, aby prowadzić Twoje konto. W każdej chwili możesz pobrać lub usunąć swoje dane na stronie konta.
signup-submit = Załóż konto
signup-have-account = Masz już konto? Zaloguj się

check-mail-title = Sprawdź pocztę
check-mail-text = Wysłaliśmy wiadomość na podany adres. Otwórz link z wiadomości, aby potwierdzić adres; potem możesz się zalogować. Link działa przez 48 godzin.
check-mail-spam = Po kilku minutach nic nie przyszło? Zajrzyj do folderu spam albo zarejestruj się ponownie, aby dostać nowy link.

verify-title = Potwierdź adres e-mail
verify-text = Potwierdź, że adres { $email } należy do Ciebie.
verify-submit = Potwierdzam adres
verify-invalid-title = Ten link nie działa
verify-invalid-text = Link został już użyty albo wygasł. Zaloguj się: jeśli adres nadal nie jest potwierdzony, wyślemy nowy link.

signin-title = Logowanie
signin-submit = Zaloguj się
signin-forgot = Nie pamiętasz hasła?
signin-no-account = Nie masz konta? Załóż je
signin-done-verified = Adres potwierdzony. Witamy!
signin-done-password = Nowe hasło jest ustawione. Zaloguj się nim.
signin-done-signed-out = Wylogowano.
signin-done-deleted = Twoje konto i dane osobowe zostały usunięte.

forgot-title = Nie pamiętam hasła
forgot-intro = Podaj adres swojego konta. Wyślemy link do ustawienia nowego hasła.
forgot-submit = Wyślij link
forgot-sent = Jeśli istnieje konto z tym adresem, wysłaliśmy na nie link. Działa przez 2 godziny.

reset-title = Ustaw nowe hasło
reset-intro = Wybierz nowe hasło dla { $email }. Zostaniesz wylogowany na wszystkich urządzeniach.
reset-submit = Ustaw hasło
reset-invalid-title = Ten link nie działa
reset-invalid-text = Link został już użyty albo wygasł. Poproś o nowy.

account-title = Moje konto
account-heading = Moje konto
account-email = Adres e-mail
account-role = Rola
account-organisation = Organizacja
account-cluster = Klaster
account-since = Konto od
account-lang = Język wiadomości e-mail i ofert
account-lang-submit = Zapisz język
account-lang-saved = Język zapisany.
role-admin = Administrator platformy
role-coordinator = Koordynator klastra
role-org_admin = Administrator organizacji
role-org_member = Członek organizacji
role-translator = Tłumacz
role-visitor = Gość (jeszcze bez organizacji)
account-join-hint = Aby publikować oferty swojej firmy, wypełnij ankietę: gdy koordynator ją zaakceptuje, Twoje konto zostanie administratorem profilu firmy.
