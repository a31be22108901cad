//! The stylesheet, compiled into the binary. Its link carries a hash of its content, so it can
//! be cached for a year: a changed stylesheet has a new link.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;

pub const CSS_PATH: &str = "/static/site.css";
const CSS: &str = include_str!("../../static/site.css");

/// FNV-1a: enough to tell two versions of one file apart, no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

static CSS_HREF: LazyLock<String> =
    LazyLock::new(|| format!("{CSS_PATH}?v={:016x}", fnv1a(CSS.as_bytes())));

pub fn css_href() -> &'static str {
    CSS_HREF.as_str()
}

pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
}
