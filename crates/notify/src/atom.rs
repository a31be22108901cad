//! Atom feeds (RFC 4287) of offer lists and saved searches, written with quick-xml.
//!
//! Text goes through quick-xml's escaping; characters that XML 1.0 forbids even when escaped
//! (most C0 controls) are dropped first, so any user text yields a well-formed feed.

use std::borrow::Cow;
use std::io;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use klaster_refdata::Lang;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// A permanent, unique IRI: a `tag:` URI (see [`tag_uri`]) or the feed's own URL.
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// The last time anything in the feed changed.
    pub updated: DateTime<Utc>,
    /// The feed's own URL (`rel="self"`).
    pub self_link: String,
    /// The HTML page showing the same list (`rel="alternate"`).
    pub alternate_link: Option<String>,
    /// The language of the feed's own texts (its title); entries may differ.
    pub lang: Option<Lang>,
    /// Required by RFC 4287 at feed level unless every entry has one; the portal is the author.
    pub author: Person,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub uri: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Permanent and unique: the same offer keeps the same id forever, edits included.
    pub id: String,
    pub title: String,
    pub updated: DateTime<Utc>,
    pub published: Option<DateTime<Utc>>,
    /// The entry's HTML page (`rel="alternate"`).
    pub link: String,
    pub summary: Option<String>,
    /// The language of the entry's title and summary (`xml:lang`).
    pub lang: Option<Lang>,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub term: String,
    pub scheme: Option<String>,
    pub label: Option<String>,
}

impl Feed {
    /// The feed as an XML document.
    pub fn to_xml(&self) -> String {
        let mut out = Vec::with_capacity(1024 + self.entries.len() * 512);
        // Writing into a Vec cannot fail (short of aborting on a failed allocation).
        let _ = self.write(&mut out);
        // Every byte written came from `&str`s, so this never replaces anything.
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The feed as an XML document, written to `w` (a file, a response body).
    pub fn write<W: io::Write>(&self, w: W) -> io::Result<()> {
        let mut x = Writer::new_with_indent(w, b' ', 2);
        x.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        let mut root = x.create_element("feed").with_attribute(("xmlns", ATOM_NS));
        if let Some(lang) = self.lang {
            root = root.with_attribute(("xml:lang", lang.code()));
        }
        root.write_inner_content(|x| {
            text_element(x, "id", &self.id)?;
            typed_text_element(x, "title", &self.title)?;
            if let Some(subtitle) = &self.subtitle {
                typed_text_element(x, "subtitle", subtitle)?;
            }
            text_element(x, "updated", &rfc3339(self.updated))?;
            link(x, "self", "application/atom+xml", &self.self_link)?;
            if let Some(alternate) = &self.alternate_link {
                link(x, "alternate", "text/html", alternate)?;
            }
            x.create_element("author").write_inner_content(|x| {
                text_element(x, "name", &self.author.name)?;
                if let Some(uri) = &self.author.uri {
                    text_element(x, "uri", uri)?;
                }
                Ok(())
            })?;
            for entry in &self.entries {
                entry.write(x)?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

impl Entry {
    fn write<W: io::Write>(&self, x: &mut Writer<W>) -> io::Result<()> {
        let mut element = x.create_element("entry");
        if let Some(lang) = self.lang {
            element = element.with_attribute(("xml:lang", lang.code()));
        }
        element.write_inner_content(|x| {
            text_element(x, "id", &self.id)?;
            typed_text_element(x, "title", &self.title)?;
            text_element(x, "updated", &rfc3339(self.updated))?;
            if let Some(published) = self.published {
                text_element(x, "published", &rfc3339(published))?;
            }
            link(x, "alternate", "text/html", &self.link)?;
            if let Some(summary) = &self.summary {
                typed_text_element(x, "summary", summary)?;
            }
            for c in &self.categories {
                let term = xml_chars(&c.term);
                let mut element = x
                    .create_element("category")
                    .with_attribute(("term", term.as_ref()));
                let scheme = c.scheme.as_deref().map(xml_chars);
                if let Some(scheme) = &scheme {
                    element = element.with_attribute(("scheme", scheme.as_ref()));
                }
                let label = c.label.as_deref().map(xml_chars);
                if let Some(label) = &label {
                    element = element.with_attribute(("label", label.as_ref()));
                }
                element.write_empty()?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn text_element<W: io::Write>(x: &mut Writer<W>, name: &str, text: &str) -> io::Result<()> {
    x.create_element(name)
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// Atom's text constructs: `type="text"` says the content is plain text, so readers neither
/// render nor run markup that a user typed into a title.
fn typed_text_element<W: io::Write>(x: &mut Writer<W>, name: &str, text: &str) -> io::Result<()> {
    x.create_element(name)
        .with_attribute(("type", "text"))
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

fn link<W: io::Write>(
    x: &mut Writer<W>,
    rel: &str,
    media_type: &str,
    href: &str,
) -> io::Result<()> {
    x.create_element("link")
        .with_attribute(("rel", rel))
        .with_attribute(("type", media_type))
        .with_attribute(("href", xml_chars(href).as_ref()))
        .write_empty()?;
    Ok(())
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `s` without the characters XML 1.0 cannot carry at all: C0 controls other than tab, line
/// feed and carriage return, and the non-characters U+FFFE and U+FFFF.
fn xml_chars(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

/// Everything but pchar / "/" / "?" of RFC 3986 (so "%" too: it would need a valid escape).
const NOT_PCHAR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@')
    .remove(b'/')
    .remove(b'?');

/// A `tag:` URI (RFC 4151), the recommended kind of Atom id: `tag:klaster.example.org,2026-03-01:offer/42`.
/// `authority` is a domain name (or an e-mail address) the portal held on `date`; characters
/// not allowed in the specific part are percent-encoded.
pub fn tag_uri(authority: &str, date: NaiveDate, specific: &str) -> String {
    let authority: String = authority
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'))
        .collect();
    let mut out = format!("tag:{authority},{}:", date.format("%Y-%m-%d"));
    out.extend(percent_encoding::utf8_percent_encode(specific, NOT_PCHAR));
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use quick_xml::events::attributes::Attribute;
    use quick_xml::{Reader, XmlVersion};

    use super::*;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, h, 30, 0).unwrap()
    }

    fn feed() -> Feed {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        Feed {
            id: tag_uri("Klaster.example.org", day, "search/7"),
            title: "Saved search: CNC & <lathes>".into(),
            subtitle: Some("New offers".into()),
            updated: at(12),
            self_link: "https://klaster.example.org/feeds/search/7.atom?lang=pl&x=1".into(),
            alternate_link: Some("https://klaster.example.org/search?q=cnc".into()),
            lang: Some(Lang::En),
            author: Person {
                name: "Klaster".into(),
                uri: Some("https://klaster.example.org/".into()),
            },
            entries: vec![
                Entry {
                    id: tag_uri("klaster.example.org", day, "offer/1"),
                    title: "<script>alert('x')</script> Tokarki & frezarki \u{1}".into(),
                    updated: at(11),
                    published: Some(at(9)),
                    link: "https://klaster.example.org/offers/1".into(),
                    summary: Some("Łożyska \"kulkowe\" > 100 szt.\nDostawa".into()),
                    lang: Some(Lang::Pl),
                    categories: vec![Category {
                        term: "C28.4".into(),
                        scheme: Some("https://klaster.example.org/nace".into()),
                        label: Some("Maszyny & \"obrabiarki\"".into()),
                    }],
                },
                Entry {
                    id: "urn:uuid:4c2b1c3e-0000-4000-8000-000000000002".into(),
                    title: "Подшипники".into(),
                    updated: at(10),
                    published: None,
                    link: "https://klaster.example.org/offers/2".into(),
                    summary: None,
                    lang: Some(Lang::Ru),
                    categories: vec![],
                },
            ],
        }
    }

    /// An element as the reader sees it: its path, attributes and text, all unescaped.
    #[derive(Debug, Default)]
    struct Element {
        path: String,
        attrs: Vec<(String, String)>,
        text: String,
    }

    impl Element {
        fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        }
    }

    /// Parses the whole document, failing on any well-formedness error.
    fn parse(xml: &str) -> Vec<Element> {
        let mut reader = Reader::from_str(xml);
        let mut stack: Vec<String> = Vec::new();
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let attrs = |e: &quick_xml::events::BytesStart| -> Vec<(String, String)> {
            e.attributes()
                .map(|a| {
                    let a: Attribute = a.unwrap();
                    let key = a.key.as_ref().to_owned();
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                    (key, value)
                })
                .collect()
        };
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => {
                    stack.push(e.name().as_ref().to_owned());
                    elements.push(Element {
                        path: stack.join("/"),
                        attrs: attrs(&e),
                        text: String::new(),
                    });
                    open.push(elements.len() - 1);
                }
                Event::Empty(e) => {
                    let name = e.name().as_ref().to_owned();
                    elements.push(Element {
                        path: format!("{}/{name}", stack.join("/")),
                        attrs: attrs(&e),
                        text: String::new(),
                    });
                }
                Event::Text(t) => {
                    if let Some(&i) = open.last() {
                        elements[i].text.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    let i = *open.last().unwrap();
                    let c = match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unexpected entity {other}"),
                    };
                    elements[i].text.push(c);
                }
                Event::End(e) => {
                    assert_eq!(stack.pop().as_deref(), Some(e.name().as_ref()));
                    open.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        elements
    }

    #[test]
    fn the_feed_parses_back_with_every_element() {
        let xml = feed().to_xml();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"), "{xml}");
        let elements = parse(&xml);
        let one = |path: &str| -> &Element {
            let found: Vec<&Element> = elements.iter().filter(|e| e.path == path).collect();
            assert_eq!(found.len(), 1, "{path} in {xml}");
            found[0]
        };
        assert_eq!(
            one("feed/id").text,
            "tag:klaster.example.org,2026-03-01:search/7"
        );
        assert_eq!(one("feed/title").text, "Saved search: CNC & <lathes>");
        assert_eq!(one("feed/title").attr("type"), Some("text"));
        assert_eq!(one("feed/updated").text, "2026-03-01T12:30:00Z");
        assert_eq!(one("feed/author/name").text, "Klaster");
        let links: Vec<&Element> = elements.iter().filter(|e| e.path == "feed/link").collect();
        assert_eq!(links[0].attr("rel"), Some("self"));
        assert_eq!(
            links[0].attr("href"),
            Some("https://klaster.example.org/feeds/search/7.atom?lang=pl&x=1")
        );
        assert_eq!(links[1].attr("rel"), Some("alternate"));

        let entries: Vec<&Element> = elements.iter().filter(|e| e.path == "feed/entry").collect();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].attr("xml:lang"), Some("pl"));
        assert_eq!(entries[1].attr("xml:lang"), Some("ru"));
        let titles: Vec<&str> = elements
            .iter()
            .filter(|e| e.path == "feed/entry/title")
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "<script>alert('x')</script> Tokarki & frezarki ",
                "Подшипники"
            ],
            "unescaped back exactly, the control character dropped"
        );
        let summary = one("feed/entry/summary");
        assert_eq!(summary.text, "Łożyska \"kulkowe\" > 100 szt.\nDostawa");
        let category = one("feed/entry/category");
        assert_eq!(category.attr("term"), Some("C28.4"));
        assert_eq!(category.attr("label"), Some("Maszyny & \"obrabiarki\""));
        assert_eq!(one("feed/entry/published").text, "2026-03-01T09:30:00Z");
        let updated: Vec<&str> = elements
            .iter()
            .filter(|e| e.path == "feed/entry/updated")
            .map(|e| e.text.as_str())
            .collect();
        for u in updated {
            assert!(DateTime::parse_from_rfc3339(u).is_ok(), "{u}");
        }
    }

    #[test]
    fn markup_is_escaped_in_the_document() {
        let xml = feed().to_xml();
        assert!(!xml.contains("<script>"), "{xml}");
        assert!(xml.contains("&lt;script&gt;"));
        assert!(xml.contains("CNC &amp; &lt;lathes&gt;"));
        assert!(xml.contains("?lang=pl&amp;x=1\""));
        assert!(!xml.contains('\u{1}'));
    }

    #[test]
    fn an_empty_feed_is_still_valid() {
        let mut f = feed();
        f.entries.clear();
        f.subtitle = None;
        f.alternate_link = None;
        f.lang = None;
        f.author.uri = None;
        let elements = parse(&f.to_xml());
        assert!(elements.iter().all(|e| !e.path.starts_with("feed/entry")));
        assert!(elements.iter().any(|e| e.path == "feed/author/name"));
    }

    #[test]
    fn tag_uris() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(
            tag_uri("Klaster.PL", day, "offer/42"),
            "tag:klaster.pl,2026-01-05:offer/42"
        );
        assert_eq!(
            tag_uri("klaster.pl", day, "search/łożyska 1%"),
            "tag:klaster.pl,2026-01-05:search/%C5%82o%C5%BCyska%201%25"
        );
        assert_eq!(tag_uri("bad host!", day, ""), "tag:badhost,2026-01-05:");
    }
}
