//! A mail body as a list of blocks, written out as plain text and as HTML.
//!
//! Every string in a block is plain text: catalogue sentences and user content (titles,
//! messages) alike. The text body keeps them as they are; the HTML body escapes all of them,
//! so nothing a user typed is ever taken for markup.

use std::fmt::Write;

use klaster_refdata::Lang;

pub(crate) enum Block {
    Para(String),
    /// User text (a message, a note): verbatim, line breaks kept.
    Quote(String),
    Heading(String),
    Link {
        label: String,
        url: String,
    },
    /// Linked titles, e.g. offers.
    Links(Vec<(String, String)>),
    /// Label and value pairs, e.g. a contact card.
    Fields(Vec<(String, String)>),
    /// Starts the footer: the signature delimiter in text, a rule in HTML.
    Rule,
    /// Footer text.
    Small(String),
}

#[derive(Default)]
pub(crate) struct Body {
    blocks: Vec<Block>,
}

impl Body {
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    pub fn para(&mut self, text: String) -> &mut Self {
        self.push(Block::Para(text))
    }

    pub fn link(&mut self, label: String, url: String) -> &mut Self {
        self.push(Block::Link { label, url })
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Para(s) | Block::Small(s) => out.push_str(s),
                Block::Quote(s) => out.push_str(&normalise_newlines(s)),
                Block::Heading(s) => {
                    out.push_str(s);
                    out.push('\n');
                    out.extend(std::iter::repeat_n('-', s.chars().count().min(72)));
                }
                Block::Link { label, url } => {
                    let _ = write!(out, "{label}:\n{url}");
                }
                Block::Links(items) => {
                    for (i, (title, url)) in items.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        let _ = write!(out, "- {title}\n  {url}");
                    }
                }
                Block::Fields(fields) => {
                    for (i, (label, value)) in fields.iter().enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        let _ = write!(out, "{label}: {value}");
                    }
                }
                // "-- " on its own line: mail clients recognise the footer and dim it.
                Block::Rule => out.push_str("-- "),
            }
            out.push_str(if matches!(block, Block::Rule | Block::Small(_)) {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    pub fn html(&self, lang: Lang, title: &str) -> String {
        let mut out = String::with_capacity(2048);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width\">\n<title>{}</title>\n</head>\n\
             <body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:640px\">\n",
            lang.code(),
            escape(title)
        );
        for block in &self.blocks {
            match block {
                Block::Para(s) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(s));
                }
                Block::Quote(s) => {
                    let _ = writeln!(
                        out,
                        "<blockquote style=\"margin:0 0 1em;padding:.5em 1em;border-left:3px solid #ccc;white-space:pre-wrap\">{}</blockquote>",
                        escape(&normalise_newlines(s))
                    );
                }
                Block::Heading(s) => {
                    let _ = writeln!(out, "<h2 style=\"font-size:17px\">{}</h2>", escape(s));
                }
                Block::Link { label, url } => {
                    let _ = writeln!(out, "<p>{}</p>", anchor(label, url));
                }
                Block::Links(items) => {
                    out.push_str("<ul>\n");
                    for (title, url) in items {
                        let _ = writeln!(out, "<li>{}</li>", anchor(title, url));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Fields(fields) => {
                    out.push_str("<table role=\"presentation\">\n");
                    for (label, value) in fields {
                        let _ = writeln!(
                            out,
                            "<tr><th align=\"left\" style=\"padding-right:1em\">{}</th><td>{}</td></tr>",
                            escape(label),
                            escape(value)
                        );
                    }
                    out.push_str("</table>\n");
                }
                Block::Rule => {
                    out.push_str("<hr style=\"border:none;border-top:1px solid #ddd\">\n")
                }
                Block::Small(s) => {
                    let _ = writeln!(
                        out,
                        "<p style=\"font-size:12px;color:#666\">{}</p>",
                        escape(s)
                    );
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

fn anchor(label: &str, url: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(url), escape(label))
}

/// Escapes text for HTML content and double- or single-quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// CRLF and lone CR as LF; the transport writes CRLF itself.
fn normalise_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Body {
        let mut b = Body::default();
        b.para("Offer “A & B”".into())
            .push(Block::Quote("<script>alert('x')</script>\r\nline 2".into()))
            .push(Block::Heading("Saved".into()))
            .push(Block::Links(vec![(
                "<b>Steel</b>".into(),
                "https://k.example/o/1?a=1&b=2".into(),
            )]))
            .push(Block::Fields(vec![("Phone".into(), "+48 1".into())]))
            .link("Open".into(), "https://k.example/t/1".into())
            .push(Block::Rule)
            .push(Block::Small("Automatic.".into()));
        b
    }

    #[test]
    fn text_keeps_user_content_verbatim() {
        let text = sample().text();
        assert_eq!(
            text,
            "Offer “A & B”\n\n<script>alert('x')</script>\nline 2\n\nSaved\n-----\n\n\
             - <b>Steel</b>\n  https://k.example/o/1?a=1&b=2\n\nPhone: +48 1\n\n\
             Open:\nhttps://k.example/t/1\n\n-- \nAutomatic.\n"
        );
    }

    #[test]
    fn html_escapes_everything() {
        let html = sample().html(Lang::Pl, "T<i>");
        assert!(html.contains("<html lang=\"pl\">"));
        assert!(html.contains("<title>T&lt;i&gt;</title>"));
        assert!(html.contains("<p>Offer “A &amp; B”</p>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\nline 2"));
        assert!(html.contains(
            "<a href=\"https://k.example/o/1?a=1&amp;b=2\">&lt;b&gt;Steel&lt;/b&gt;</a>"
        ));
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        assert_eq!(escape("\"'"), "&quot;&#39;");
    }
}
