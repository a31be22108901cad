//! Real SMTP conversations over TCP: `SmtpMailer` (lettre) against the crate's `SmtpSink`.

use std::time::{Duration, Instant};

use klaster_notify::compose::{Compose, InterestAccepted, Party, Site};
use klaster_notify::testing::{Login, SmtpSink, Stage};
use klaster_notify::{
    AnyMailer, DynMailer, Lang, Mail, Mailer, NotifyError, PermanentKind, Recipient, SmtpMailer,
};

const WAIT: Duration = Duration::from_secs(5);

fn mail(lang: Lang, subject: &str, text: &str) -> Mail {
    Mail {
        to: vec![
            Recipient::new("Paweł Żółkiewski", "pawel@example.org"),
            Recipient::new("Иван Петров", "ivan@example.org"),
        ],
        reply_to: Some(Recipient::new("Łucja", "lucja@example.org")),
        subject: subject.into(),
        text: text.into(),
        html: None,
        lang,
        list_unsubscribe: None,
    }
}

async fn sink_and_mailer() -> (SmtpSink, SmtpMailer) {
    let sink = SmtpSink::start().await.expect("bind 127.0.0.1:0");
    let mut config = sink.config("no-reply@klaster.test");
    config.from_name = Some("Klaster – powiadomienia".into());
    let mailer = SmtpMailer::new(&config).expect("valid config");
    (sink, mailer)
}

#[tokio::test]
async fn a_multilingual_mail_arrives_decoded() {
    let (sink, mailer) = sink_and_mailer().await;
    let subject = "Zażółć gęślą jaźń – Съешь же ещё этих мягких французских булок";
    // Long lines, a line starting with a dot (dot-stuffing), mixed scripts.
    let text = format!(
        "Dzień dobry,\n\nŁódź, Gdańsk i Kraków – {}.\n.kropka na początku\nПривет, мир! Ёлка.\n",
        "bardzo długa linia ".repeat(12)
    );
    mailer.send(&mail(Lang::Pl, subject, &text)).await.unwrap();

    let received = sink.wait_for(1, WAIT).await;
    assert_eq!(received.len(), 1);
    let r = &received[0];
    assert_eq!(r.mail_from, "no-reply@klaster.test");
    assert_eq!(r.rcpt_to, ["pawel@example.org", "ivan@example.org"]);
    assert_eq!(r.helo, "klaster.test", "EHLO names the sender's domain");
    assert_eq!(r.login, None);
    assert!(
        r.data.is_ascii(),
        "lettre encodes everything; no 8-bit data needed"
    );

    let parsed = r.parsed();
    assert_eq!(parsed.subject.as_deref(), Some(subject));
    assert_eq!(
        parsed.text.as_deref().map(str::trim_end),
        Some(text.trim_end())
    );
    assert_eq!(parsed.html, None);
    assert_eq!(
        parsed.from[0].name.as_deref(),
        Some("Klaster – powiadomienia")
    );
    assert_eq!(parsed.from[0].email, "no-reply@klaster.test");
    let to: Vec<(Option<&str>, &str)> = parsed
        .to
        .iter()
        .map(|a| (a.name.as_deref(), a.email.as_str()))
        .collect();
    assert_eq!(
        to,
        [
            (Some("Paweł Żółkiewski"), "pawel@example.org"),
            (Some("Иван Петров"), "ivan@example.org")
        ]
    );
    assert_eq!(parsed.reply_to[0].email, "lucja@example.org");
    assert_eq!(parsed.header("Content-Language"), Some("pl"));
    assert_eq!(parsed.header("Auto-Submitted"), Some("auto-generated"));
    assert!(
        parsed
            .header("Message-ID")
            .is_some_and(|id| id.ends_with("@klaster.test>"))
    );
}

#[tokio::test]
async fn a_composed_introduction_reaches_both_parties_in_their_languages() {
    let (sink, mailer) = sink_and_mailer().await;
    let party = |name: &str, org: &str, email: &str, lang, title: &str| Party {
        contact: Recipient::new(name, email),
        organisation: org.into(),
        phone: Some("+48 600 100 200".into()),
        lang,
        offer_title: title.into(),
    };
    let intro = InterestAccepted {
        owner: party(
            "Anna Nowak",
            "Nowak & Syn",
            "anna@example.org",
            Lang::Pl,
            "Łożyska <kulkowe>",
        ),
        interested: party(
            "Иван Петров",
            "ООО «Подшипник»",
            "ivan@example.org",
            Lang::Ru,
            "Шарикоподшипники <Ø20>",
        ),
        thread_path: "/threads/7".into(),
    };
    let site = Site::new("Klaster", "https://klaster.example.org");
    for m in intro.compose(&site) {
        mailer.send(&m).await.unwrap();
    }
    let received = sink.wait_for(2, WAIT).await;
    assert_eq!(received.len(), 2);

    let to_owner = received[0].parsed();
    assert_eq!(received[0].rcpt_to, ["anna@example.org"]);
    assert_eq!(
        to_owner.subject.as_deref(),
        Some("[Klaster] Nawiązanie kontaktu: ООО «Подшипник» – „Łożyska <kulkowe>”")
    );
    let text = to_owner.text.unwrap();
    assert!(text.contains("Osoba kontaktowa: Иван Петров\n"), "{text}");
    assert!(text.contains("E-mail: ivan@example.org\n"), "{text}");
    assert!(
        text.contains("https://klaster.example.org/threads/7"),
        "{text}"
    );
    let html = to_owner.html.expect("an HTML alternative");
    assert!(html.contains("„Łożyska &lt;kulkowe&gt;”"), "{html}");
    assert_eq!(to_owner.reply_to[0].email, "ivan@example.org");

    let to_interested = received[1].parsed();
    assert_eq!(received[1].rcpt_to, ["ivan@example.org"]);
    assert_eq!(to_interested.header("Content-Language"), Some("ru"));
    let text = to_interested.text.unwrap();
    assert!(text.starts_with("Здравствуйте, Иван Петров!"), "{text}");
    assert!(
        text.contains("«Шарикоподшипники <Ø20>»"),
        "verbatim in text: {text}"
    );
    assert!(text.contains("Организация: Nowak & Syn\n"), "{text}");
}

#[tokio::test]
async fn transient_refusals_are_retryable() {
    let (sink, mailer) = sink_and_mailer().await;
    sink.fail(Stage::Rcpt, 451, "4.3.0 mailbox busy, try later");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
    assert_eq!(err.smtp_code(), Some(451));
    assert_eq!(err.backoff(1), Some(Duration::from_secs(60)));

    sink.clear_failures();
    sink.fail(Stage::Data, 452, "4.3.1 insufficient storage");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
    assert_eq!(err.smtp_code(), Some(452));
    assert!(sink.messages().is_empty());

    // Once the server recovers, the retry goes through.
    sink.clear_failures();
    mailer.send(&mail(Lang::En, "s", "t")).await.unwrap();
    assert_eq!(sink.wait_for(1, WAIT).await.len(), 1);
}

#[tokio::test]
async fn permanent_refusals_are_permanent() {
    let (sink, mailer) = sink_and_mailer().await;
    sink.fail(Stage::Rcpt, 550, "5.1.1 no such mailbox");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert_eq!(err.permanent_kind(), Some(PermanentKind::Rejected), "{err}");
    assert_eq!(err.smtp_code(), Some(550));
    assert_eq!(err.backoff(1), None);

    sink.clear_failures();
    sink.fail(Stage::Data, 554, "5.7.1 content refused");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert_eq!(err.permanent_kind(), Some(PermanentKind::Rejected), "{err}");
    assert_eq!(err.smtp_code(), Some(554));

    sink.clear_failures();
    sink.fail(Stage::Mail, 553, "5.1.8 sender refused");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert_eq!(err.smtp_code(), Some(553));
    assert!(!err.is_retryable());
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn invalid_addresses_fail_before_connecting() {
    let (sink, mailer) = sink_and_mailer().await;
    let mut m = mail(Lang::En, "s", "t");
    m.to[1].email = "ivan at example.org".into();
    let err = mailer.send(&m).await.unwrap_err();
    assert_eq!(
        err.permanent_kind(),
        Some(PermanentKind::InvalidAddress),
        "{err}"
    );
    assert_eq!(sink.connections(), 0);
}

#[tokio::test]
async fn credentials_are_sent_and_refusals_are_auth_errors() {
    let sink = SmtpSink::start().await.unwrap();
    let mut config = sink.config("no-reply@klaster.test");
    config.username = Some("portal".into());
    config.password = Some("s3cret ąę".into());
    let mailer = SmtpMailer::new(&config).unwrap();
    mailer.send(&mail(Lang::En, "s", "t")).await.unwrap();
    let received = sink.wait_for(1, WAIT).await;
    assert_eq!(
        received[0].login,
        Some(Login {
            user: "portal".into(),
            password: "s3cret ąę".into()
        })
    );

    sink.fail(Stage::Auth, 535, "5.7.8 authentication credentials invalid");
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert_eq!(err.permanent_kind(), Some(PermanentKind::Auth), "{err}");
    assert_eq!(err.smtp_code(), Some(535));
}

#[tokio::test]
async fn a_refused_connection_is_retryable() {
    // A port that was free a moment ago: nobody listens there now.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let config = klaster_notify::SmtpConfig::plain("127.0.0.1", port, "no-reply@klaster.test");
    let mailer = SmtpMailer::new(&config).unwrap();
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
    assert_eq!(err.smtp_code(), None);
}

#[tokio::test]
async fn a_silent_server_times_out_and_is_retryable() {
    // Accepts the connection and never greets.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = tokio::spawn(async move {
        let (_stream, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    let mut config = klaster_notify::SmtpConfig::plain("127.0.0.1", port, "no-reply@klaster.test");
    config.timeout_secs = 1;
    let mailer = SmtpMailer::new(&config).unwrap();
    let started = Instant::now();
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert!(err.is_retryable(), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    server.abort();
}

#[tokio::test]
async fn the_sink_takes_several_mails_and_serves_dyn_and_any_mailers() {
    let (sink, mailer) = sink_and_mailer().await;
    let dynamic: std::sync::Arc<dyn DynMailer> = std::sync::Arc::new(mailer);
    let any = AnyMailer::from_config(Some(&sink.config("other@klaster.test"))).unwrap();
    // Concurrent sends, each on its own connection.
    let tasks: Vec<_> = (0..3)
        .map(|i| {
            let dynamic = dynamic.clone();
            tokio::spawn(async move {
                let m = mail(Lang::De, &format!("Größe {i}"), "Grüße");
                dynamic.send_boxed(&m).await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    any.send(&mail(Lang::De, "Äpfel", "Birnen")).await.unwrap();
    let received = sink.wait_for(4, WAIT).await;
    assert_eq!(received.len(), 4);
    let mut subjects: Vec<String> = received.iter().filter_map(|r| r.parsed().subject).collect();
    subjects.sort();
    assert_eq!(subjects, ["Größe 0", "Größe 1", "Größe 2", "Äpfel"]);
    assert!(received.iter().any(|r| r.mail_from == "other@klaster.test"));

    let log = AnyMailer::from_config(None).unwrap();
    assert!(matches!(log, AnyMailer::Log(_)));
    assert_eq!(
        log.send(&mail(Lang::De, "x", "y")).await,
        Ok::<(), NotifyError>(())
    );
}

#[tokio::test]
async fn the_sink_speaks_plain_smtp_to_any_client() {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    let sink = SmtpSink::start().await.unwrap();
    let stream = tokio::net::TcpStream::connect(sink.addr()).await.unwrap();
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut expect = async |code: &str| {
        // Multi-line replies: "250-..." until "250 ...".
        loop {
            let line = lines.next_line().await.unwrap().unwrap();
            assert!(line.starts_with(code), "wanted {code}, got {line}");
            if line.as_bytes().get(3) != Some(&b'-') {
                return line;
            }
        }
    };
    expect("220").await;
    for (command, code) in [
        ("MAIL FROM:<a@x.test>", "503"),
        ("HELO client.test", "250"),
        ("RCPT TO:<b@x.test>", "503"),
        ("MAIL FROM:<a@x.test>", "250"),
        ("RCPT TO:<b@x.test>", "250"),
        ("RSET", "250"),
        ("DATA", "503"),
        ("NOOP", "250"),
        ("EHLO client.test", "250"),
        ("MAIL FROM:<>", "250"),
        ("RCPT TO:<c@x.test>", "250"),
        ("DATA", "354"),
    ] {
        write
            .write_all(format!("{command}\r\n").as_bytes())
            .await
            .unwrap();
        expect(code).await;
    }
    write
        .write_all(b"Subject: plain\r\n\r\n..starts with a dot\r\nend\r\n.\r\n")
        .await
        .unwrap();
    expect("250").await;
    write.write_all(b"BOGUS\r\nQUIT\r\n").await.unwrap();
    expect("500").await;
    expect("221").await;

    let received = sink.wait_for(1, WAIT).await;
    assert_eq!(received[0].mail_from, "");
    assert_eq!(received[0].rcpt_to, ["c@x.test"]);
    assert_eq!(received[0].helo, "client.test");
    assert_eq!(
        received[0].data,
        b"Subject: plain\r\n\r\n.starts with a dot\r\nend\r\n"
    );
    assert_eq!(
        received[0].parsed().text.as_deref(),
        Some(".starts with a dot\nend\n")
    );
}

/// With TLS required, a server that offers no STARTTLS gets neither credentials nor mail: the
/// downgrade is refused, and retrying cannot help until the server is fixed.
#[cfg(feature = "tls")]
#[tokio::test]
async fn starttls_that_is_not_offered_is_refused() {
    let sink = SmtpSink::start().await.unwrap();
    let mut config = sink.config("no-reply@klaster.test");
    config.tls = klaster_notify::TlsMode::Starttls;
    config.username = Some("portal".into());
    config.password = Some("s3cret".into());
    let mailer = SmtpMailer::new(&config).unwrap();
    let err = mailer.send(&mail(Lang::En, "s", "t")).await.unwrap_err();
    assert_eq!(
        err.permanent_kind(),
        Some(PermanentKind::Unsupported),
        "{err}"
    );
    assert!(sink.messages().is_empty());
}
