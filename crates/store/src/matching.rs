//! Candidates for matchmaking: organisations and published offers that share a NACE division
//! with an offer. The scoring itself is pure (`klaster_domain::matching`).

use klaster_domain::offer::OfferKind;

use crate::{Db, Result, on_db};

/// Organisations with an activity under any of `codes` (any NACE level; the link table holds
/// every ancestor), at most `limit` per code.
pub async fn organisations_under(db: &Db, codes: &[String], limit: i64) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for code in codes {
        let ids: Vec<i64> = on_db!(db, p => sqlx::query_scalar(
            "SELECT organisation_id FROM organisation_nace WHERE code = $1 ORDER BY organisation_id LIMIT $2")
            .bind(code).bind(limit).fetch_all(p).await)?;
        out.extend(ids);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Published offers of `kinds` under any of `codes`, newest first, at most `limit` per pair.
pub async fn published_offers_under(
    db: &Db,
    kinds: &[OfferKind],
    codes: &[String],
    limit: i64,
) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for kind in kinds {
        for code in codes {
            let ids: Vec<i64> = on_db!(db, p => sqlx::query_scalar(
                "SELECT o.id FROM offers o JOIN offer_nace n ON n.offer_id = o.id
                 WHERE n.code = $1 AND o.kind = $2 AND o.status = 'published'
                 ORDER BY o.published_at DESC, o.id DESC LIMIT $3")
                .bind(code).bind(kind.as_str()).bind(limit).fetch_all(p).await)?;
            out.extend(ids);
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}
