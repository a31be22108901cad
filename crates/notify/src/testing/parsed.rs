//! A received message decoded with mail-parser: RFC 2047 headers, quoted-printable and base64
//! bodies, multipart/alternative.

use mail_parser::{Address, Message, MessageParser};

/// A mailbox from a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAddr {
    pub name: Option<String>,
    pub email: String,
}

/// What a test wants to assert about a message, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedMail {
    pub subject: Option<String>,
    pub from: Vec<MailAddr>,
    pub to: Vec<MailAddr>,
    pub reply_to: Vec<MailAddr>,
    /// The text/plain body, with "\n" line ends.
    pub text: Option<String>,
    /// The text/html body, if the message has one.
    pub html: Option<String>,
    /// Every top-level header, unfolded, with its raw (undecoded) value, in order.
    pub headers: Vec<(String, String)>,
}

impl ParsedMail {
    /// Parses `raw`; what cannot be parsed is simply missing.
    pub fn parse(raw: &[u8]) -> Self {
        let Some(message) = MessageParser::default().parse(raw) else {
            return Self::default();
        };
        let text = message
            .text_part(0)
            .filter(|part| part.is_text() && !part.is_text_html())
            .and_then(|part| part.text_contents())
            .map(|t| t.replace("\r\n", "\n"));
        let html = message
            .html_part(0)
            .filter(|part| part.is_text_html())
            .and_then(|part| part.text_contents())
            .map(str::to_owned);
        Self {
            subject: message.subject().map(str::to_owned),
            from: addresses(message.from()),
            to: addresses(message.to()),
            reply_to: addresses(message.reply_to()),
            text,
            html,
            headers: raw_headers(&message),
        }
    }

    /// The raw value of the first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn addresses(address: Option<&Address<'_>>) -> Vec<MailAddr> {
    address
        .map(|a| {
            a.iter()
                .map(|addr| MailAddr {
                    name: addr.name().map(str::to_owned),
                    email: addr.address().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn raw_headers(message: &Message<'_>) -> Vec<(String, String)> {
    message
        .headers_raw()
        .map(|(name, value)| {
            let unfolded = value.replace("\r\n", "").replace('\n', "");
            (name.to_owned(), unfolded.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rfc2047_quoted_printable_and_base64() {
        let raw = concat!(
            "From: =?utf-8?b?S2xhc3Rlcg==?= <no-reply@klaster.example>\r\n",
            "To: =?utf-8?q?Pawe=C5=82?= <pawel@example.org>, ivan@example.org\r\n",
            "Subject: =?utf-8?b?WmHFvMOzxYLEhyDQv9GA0LjQstC10YI=?=\r\n",
            "Content-Language: pl\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n",
            "\r\n",
            "--b1\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n",
            "\r\n",
            "Za=C5=BC=C3=B3=C5=82=C4=87 =\r\n",
            "g=C4=99=C5=9Bl=C4=85\r\n",
            "line 2\r\n",
            "--b1\r\n",
            "Content-Type: text/html; charset=utf-8\r\n",
            "Content-Transfer-Encoding: base64\r\n",
            "\r\n",
            "PHA+0J/RgNC40LLQtdGCPC9wPg==\r\n",
            "--b1--\r\n",
        );
        let m = ParsedMail::parse(raw.as_bytes());
        assert_eq!(m.subject.as_deref(), Some("Zażółć привет"));
        assert_eq!(m.from[0].name.as_deref(), Some("Klaster"));
        assert_eq!(
            m.to,
            vec![
                MailAddr {
                    name: Some("Paweł".into()),
                    email: "pawel@example.org".into()
                },
                MailAddr {
                    name: None,
                    email: "ivan@example.org".into()
                },
            ]
        );
        assert_eq!(m.text.as_deref(), Some("Zażółć gęślą\nline 2"));
        assert_eq!(m.html.as_deref(), Some("<p>Привет</p>"));
        assert_eq!(m.header("content-language"), Some("pl"));
    }

    #[test]
    fn plain_text_only_has_no_html_and_garbage_gives_nothing() {
        let m = ParsedMail::parse(b"Subject: hi\r\n\r\nbody\r\n");
        assert_eq!(m.text.as_deref(), Some("body\n"));
        assert_eq!(m.html, None);
        let nothing = ParsedMail::parse(b"");
        assert_eq!(nothing.subject, None);
    }
}
