use klaster_refdata::Lang;

use super::*;

fn site() -> Site {
    Site::new("Klaster", "https://klaster.example/")
}

const NASTY_TITLE: &str = "<script>alert(1)</script> Stal & „łożyska” {$title}";
const MESSAGE: &str = "Dzień dobry,\nmamy <b>tokarki</b> & frezarki.\r\nPozdrawiam";

fn received(lang: Lang) -> InterestReceived {
    InterestReceived {
        to: Recipient::new("Anna Nowak", "anna@example.org"),
        lang,
        offer_title: NASTY_TITLE.into(),
        from_org: "Müller & Söhne GmbH".into(),
        message: Some(UserText {
            text: "We have <b>lathes</b> & mills.".into(),
            original: Some(Original {
                lang: Lang::De,
                text: "Wir haben Drehmaschinen.".into(),
            }),
        }),
        thread_path: "/threads/42".into(),
        reply: false,
    }
}

fn party(name: &str, org: &str, email: &str, lang: Lang) -> Party {
    Party {
        contact: Recipient::new(name, email),
        organisation: org.into(),
        phone: Some("+48 600 000 000".into()),
        lang,
        offer_title: NASTY_TITLE.into(),
    }
}

fn offers(n: usize) -> Vec<OfferLink> {
    (1..=n)
        .map(|i| OfferLink {
            title: format!("Offer {i} <&>"),
            path: format!("/offers/{i}"),
        })
        .collect()
}

fn every_notification(lang: Lang) -> Vec<Notification> {
    vec![
        Notification::InterestReceived(received(lang)),
        Notification::InterestReceived(InterestReceived {
            message: None,
            ..received(lang)
        }),
        Notification::InterestAccepted(InterestAccepted {
            owner: party("Anna Nowak", "Nowak Sp. z o.o.", "anna@example.org", lang),
            interested: party("Иван Петров", "ООО Рога", "ivan@example.org", lang),
            thread_path: "/threads/42".into(),
        }),
        Notification::InterestDeclined(InterestDeclined {
            to: Recipient::new("", "ivan@example.org"),
            lang,
            offer_title: NASTY_TITLE.into(),
            owner_org: "Nowak".into(),
            note: Some(UserText::plain(MESSAGE)),
            offers_path: "/offers".into(),
        }),
        Notification::Alert(Alert {
            to: Recipient::new("Jan", "jan@example.org"),
            lang,
            search_name: "CNC <Śląsk>".into(),
            new_count: 7,
            offers: offers(3),
            results_path: "/search?q=cnc&region=PL22".into(),
            manage_path: "/account/alerts".into(),
            unsubscribe_path: "/alerts/9/unsubscribe?token=abc".into(),
        }),
        Notification::Digest(Digest {
            to: Recipient::new("Jan", "jan@example.org"),
            lang,
            sections: vec![
                DigestSection {
                    search_name: "CNC".into(),
                    new_count: 1,
                    offers: offers(1),
                    results_path: "/search?q=cnc".into(),
                },
                DigestSection {
                    search_name: "Stal".into(),
                    new_count: 25,
                    offers: offers(5),
                    results_path: "/search?q=stal".into(),
                },
            ],
            manage_path: "/account/alerts".into(),
            unsubscribe_path: "/digest/unsubscribe?token=abc".into(),
        }),
        Notification::Digest(Digest {
            to: Recipient::new("Jan", "jan@example.org"),
            lang,
            sections: vec![],
            manage_path: "/account/alerts".into(),
            unsubscribe_path: "/digest/unsubscribe".into(),
        }),
        Notification::InterestReceived(InterestReceived {
            reply: true,
            ..received(lang)
        }),
        account(lang, AccountMailKind::Verify, 48),
        account(lang, AccountMailKind::Reset, 1),
        account(lang, AccountMailKind::AlreadyRegistered, 2),
        account(lang, AccountMailKind::AlreadyRegistered, 5),
        review(lang, ReviewEvent::Waiting),
        review(lang, ReviewEvent::Published),
        review(
            lang,
            ReviewEvent::Returned {
                message: MESSAGE.into(),
            },
        ),
    ]
}

fn review(lang: Lang, event: ReviewEvent) -> Notification {
    Notification::Review(ReviewMail {
        to: Recipient::new("Anna Nowak", "anna@example.org"),
        lang,
        event,
        offer_title: NASTY_TITLE.into(),
        organisation: "Nowak <Sp.> z o.o.".into(),
        offer_path: "/offers/7".into(),
    })
}

fn account(lang: Lang, kind: AccountMailKind, valid_hours: u32) -> Notification {
    Notification::Account(AccountMail {
        to: Recipient::new("", "olga@example.by"),
        lang,
        mail: kind,
        link_path: "/account/verify?token=abc-_1".into(),
        valid_hours,
    })
}

#[test]
fn every_notification_renders_in_every_language_without_problems() {
    for lang in Lang::ALL {
        for n in every_notification(lang) {
            let mut problems = Vec::new();
            let mails = n.render(&site(), &mut problems);
            assert!(problems.is_empty(), "{lang}: {problems:?}");
            for mail in mails {
                assert_eq!(mail.lang, catalogue_lang(lang));
                assert!(mail.check().is_ok());
                for part in [&mail.subject, &mail.text] {
                    // Fluent writes unresolved references as "{$x}", "{msg}" or "{???}";
                    // the only braces allowed are the test title's own.
                    let without_title = part.replace("{$title}", "");
                    assert!(!without_title.contains('{'), "{lang}: {part}");
                    assert!(!part.contains('\u{2068}'), "isolation marks: {part}");
                    assert!(!part.contains("Unknown localization key"), "{part}");
                }
                assert!(mail.subject.starts_with("[Klaster] "), "{}", mail.subject);
                assert!(!mail.subject.contains('\n'));
                let html = mail.html.as_deref().unwrap();
                assert!(!html.contains("<script>"), "{lang}: unescaped user content");
                assert!(html.contains(&format!("<html lang=\"{}\">", mail.lang.code())));
            }
        }
    }
}

#[test]
fn every_catalogue_language_differs_from_english() {
    let english = Notification::Alert(match &every_notification(Lang::En)[4] {
        Notification::Alert(a) => a.clone(),
        _ => unreachable!(),
    });
    let en = english.render(&site(), &mut Vec::new());
    for lang in CATALOGUE_LANGS.into_iter().filter(|&l| l != Lang::En) {
        let mails = every_notification(lang)[4].render(&site(), &mut Vec::new());
        assert_ne!(mails[0].text, en[0].text, "{lang} looks untranslated");
    }
}

#[test]
fn interest_received_keeps_user_text_verbatim_and_shows_the_original() {
    let mail = received(Lang::Pl).compose(&site());
    assert_eq!(
        mail.to,
        vec![Recipient::new("Anna Nowak", "anna@example.org")]
    );
    assert_eq!(mail.reply_to, None);
    assert_eq!(
        mail.subject,
        format!("[Klaster] Zainteresowanie Twoją ofertą „{NASTY_TITLE}”: Müller & Söhne GmbH")
    );
    let text = &mail.text;
    assert!(text.starts_with("Dzień dobry, Anna Nowak,\n\n"), "{text}");
    assert!(text.contains(&format!("ofertą „{NASTY_TITLE}”.")), "{text}");
    assert!(
        text.contains("\nWe have <b>lathes</b> & mills.\n"),
        "{text}"
    );
    assert!(text.contains("(język oryginału: niemiecki)"), "{text}");
    assert!(text.contains("\nWir haben Drehmaschinen.\n"), "{text}");
    assert!(
        text.contains("Otwórz rozmowę:\nhttps://klaster.example/threads/42\n"),
        "{text}"
    );
    assert!(
        text.contains("\n-- \nTa wiadomość została wysłana automatycznie przez portal Klaster.")
    );
    let html = mail.html.unwrap();
    assert!(
        html.contains("We have &lt;b&gt;lathes&lt;/b&gt; &amp; mills."),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Stal &amp; „łożyska”"));
    assert!(html.contains("Müller &amp; Söhne GmbH"));
}

#[test]
fn the_original_is_left_out_when_it_says_the_same() {
    let mut n = received(Lang::En);
    n.message = Some(UserText {
        text: "Same".into(),
        original: Some(Original {
            lang: Lang::En,
            text: " Same ".into(),
        }),
    });
    let text = n.compose(&site()).text;
    assert!(!text.contains("Translated automatically"), "{text}");
    n.message = None;
    assert!(
        n.compose(&site())
            .text
            .contains("They did not add a message.")
    );
}

#[test]
fn an_introduction_goes_to_both_parties_with_the_other_contact() {
    let n = InterestAccepted {
        owner: party(
            "Anna Nowak",
            "Nowak Sp. z o.o.",
            "anna@example.org",
            Lang::Pl,
        ),
        interested: Party {
            phone: None,
            offer_title: "Подшипники".into(),
            ..party(
                "Иван Петров",
                "ООО «Рога и копыта»",
                "ivan@example.org",
                Lang::Ru,
            )
        },
        thread_path: "/threads/42".into(),
    };
    let [to_owner, to_interested] = n.compose(&site());

    assert_eq!(to_owner.to[0].email, "anna@example.org");
    assert_eq!(
        to_owner.reply_to.as_ref().unwrap().email,
        "ivan@example.org"
    );
    assert_eq!(to_owner.lang, Lang::Pl);
    let t = &to_owner.text;
    assert!(t.contains("Osoba kontaktowa: Иван Петров\n"), "{t}");
    assert!(t.contains("Organizacja: ООО «Рога и копыта»\n"), "{t}");
    assert!(t.contains("E-mail: ivan@example.org"), "{t}");
    assert!(!t.contains("Telefon:"), "no phone given: {t}");
    assert!(
        t.contains("trafi bezpośrednio do adresata: Иван Петров."),
        "{t}"
    );
    assert!(
        !t.contains("nie odpowiadać"),
        "replies are welcome here: {t}"
    );

    assert_eq!(to_interested.to[0].email, "ivan@example.org");
    assert_eq!(
        to_interested.reply_to.as_ref().unwrap().email,
        "anna@example.org"
    );
    assert_eq!(to_interested.lang, Lang::Ru);
    let t = &to_interested.text;
    assert!(t.starts_with("Здравствуйте, Иван Петров!"), "{t}");
    assert!(t.contains("предложению «Подшипники»"), "{t}");
    assert!(t.contains("Контактное лицо: Anna Nowak\n"), "{t}");
    assert!(t.contains("Телефон: +48 600 000 000"), "{t}");
    assert_eq!(
        to_interested.subject,
        "[Klaster] Знакомство: Nowak Sp. z o.o. – «Подшипники»"
    );
}

#[test]
fn an_alert_lists_offers_and_links_to_the_rest() {
    let Notification::Alert(alert) = &every_notification(Lang::De)[4] else {
        unreachable!()
    };
    let mail = alert.compose(&site());
    assert_eq!(mail.subject, "[Klaster] 7 neue Angebote für „CNC <Śląsk>“");
    let t = &mail.text;
    assert!(
        t.contains("Es gibt 7 neue Angebote zu Ihrer gespeicherten Suche „CNC <Śląsk>“:"),
        "{t}"
    );
    assert!(
        t.contains("- Offer 1 <&>\n  https://klaster.example/offers/1\n"),
        "{t}"
    );
    assert!(t.contains("…und 4 weitere."), "{t}");
    assert!(
        t.contains("https://klaster.example/search?q=cnc&region=PL22"),
        "{t}"
    );
    assert_eq!(
        mail.list_unsubscribe.as_deref(),
        Some("https://klaster.example/alerts/9/unsubscribe?token=abc")
    );
    let html = mail.html.unwrap();
    assert!(
        html.contains("href=\"https://klaster.example/search?q=cnc&amp;region=PL22\""),
        "{html}"
    );
    assert!(html.contains(">Offer 1 &lt;&amp;&gt;</a>"));
}

#[test]
fn a_digest_groups_by_search() {
    let Notification::Digest(digest) = &every_notification(Lang::Ru)[5] else {
        unreachable!()
    };
    assert_eq!(digest.total(), 26);
    let mail = digest.compose(&site());
    assert_eq!(
        mail.subject,
        "[Klaster] Ежедневная сводка: 26 новых предложений"
    );
    let t = &mail.text;
    let cnc = t.find("«CNC»: 1 новое предложение").expect(t);
    let stal = t.find("«Stal»: 25 новых предложений").expect(t);
    assert!(cnc < stal);
    assert!(t.contains("…и ещё 20."), "{t}");
    assert!(t.contains(
        "Отписаться от ежедневной сводки:\nhttps://klaster.example/digest/unsubscribe?token=abc"
    ));

    let Notification::Digest(empty) = &every_notification(Lang::Pl)[6] else {
        unreachable!()
    };
    let t = empty.compose(&site()).text;
    assert!(t.contains("nie pojawiły się nowe oferty"), "{t}");
}

#[test]
fn languages_without_a_catalogue_get_english() {
    let mail = received(Lang::Uk).compose(&site());
    assert_eq!(mail.lang, Lang::En);
    assert!(mail.text.starts_with("Hello Anna Nowak,"));
    assert!(
        mail.text.contains("Translated automatically from German."),
        "{}",
        mail.text
    );
}

#[test]
fn urls_are_joined_and_made_safe() {
    let s = site();
    assert_eq!(s.url("/a/b"), "https://klaster.example/a/b");
    assert_eq!(s.url("a/b"), "https://klaster.example/a/b");
    assert_eq!(s.url("https://other.example/x"), "https://other.example/x");
    assert_eq!(
        s.url("/szukaj?q=łożyska kulkowe"),
        "https://klaster.example/szukaj?q=%C5%82o%C5%BCyska%20kulkowe"
    );
    assert_eq!(
        s.url("/x\"><script>"),
        "https://klaster.example/x%22%3E%3Cscript%3E"
    );
    assert_eq!(
        s.url("javascript:alert(1)"),
        "https://klaster.example/javascript:alert(1)"
    );
}

#[test]
fn notifications_round_trip_through_json_for_the_job_queue() {
    for n in every_notification(Lang::Pl) {
        let json = serde_json::to_string(&n).unwrap();
        assert!(json.starts_with("{\"kind\":\""), "{json}");
        assert_eq!(serde_json::from_str::<Notification>(&json).unwrap(), n);
    }
}

#[test]
fn account_mails_carry_their_link_and_say_how_long_it_works() {
    let Notification::Account(m) = account(Lang::Pl, AccountMailKind::Verify, 48) else {
        unreachable!()
    };
    let mail = m.compose(&site());
    assert_eq!(mail.subject, "[Klaster] Potwierdź swój adres e-mail");
    let link = "https://klaster.example/account/verify?token=abc-_1";
    assert!(mail.text.contains(link), "{}", mail.text);
    assert!(mail.text.contains("przez 48 godzin."), "{}", mail.text);
    let Notification::Account(r) = account(Lang::Ru, AccountMailKind::Reset, 1) else {
        unreachable!()
    };
    assert!(r.compose(&site()).text.contains("один раз, 1 час."));
}
