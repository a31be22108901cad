//! klaster-translate: the `Translator` port of the business portal and its adapters.
//!
//! - [`Builtin`]: no network; a termbase of the field (offer kinds, units, certifications,
//!   structured-field labels and phrases in all 11 working languages, NACE titles, country
//!   names) and a [`TranslationMemory`] of human-reviewed segments. What neither knows stays
//!   in the original, marked [`Status::Untranslated`] segment by segment.
//! - [`LibreTranslate`] and [`DeepL`]: their real HTTP APIs, with errors classified for the job
//!   runner ([`TranslateError`]: retry, back off for the quota, or give up).
//! - [`Engine`]: the one built from [`EngineConfig`]; it tries the built-in engine first.
//! - [`render`]: structured fields in any language from data; [`detect()`]: the language of
//!   a text.
//!
//! ```
//! use klaster_translate::{Builtin, Lang, TranslateRequest, Status};
//!
//! let t = Builtin::default().translate_now(&TranslateRequest::new("Ilość: 500 szt.", Lang::Pl, Lang::De));
//! assert_eq!(t.text, "Menge: 500 Stk.");
//! assert_eq!(t.status, Status::Human);
//! ```

pub mod builtin;
pub mod detect;
pub mod engine;
pub mod error;
pub mod http;
pub mod lang;
pub mod memory;
pub mod model;
pub mod port;
pub mod render;
pub mod segment;
pub mod termbase;

pub use builtin::Builtin;
pub use detect::detect;
pub use engine::{Engine, EngineConfig};
pub use error::{PermanentKind, TranslateError};
pub use http::deepl::{DeepL, English};
pub use http::libre::LibreTranslate;
pub use lang::Lang;
pub use memory::{InMemoryTm, NoMemory, TranslationMemory};
pub use model::{Origin, Segment, Status, TranslateRequest, Translation};
pub use port::{DynTranslator, LanguageSupport, Translator};
pub use render::{Field, OfferKind, Rendered, Unit, label, render_field};
