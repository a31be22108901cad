//! A printable HTML report of one region's analysis (no scripts, inline SVG charts), in the
//! words of a [`Wording`] ([`English`](crate::wording::English) for the engine's own).

use std::fmt::Write;

use crate::analysis::{Level, YearResult};
use crate::error::{Error, Result};
use crate::report::Report;
use crate::svg::{bubble_chart, esc, proximity_network, star_bars};
use crate::wording::{Msg, Wording};

/// `m` in the wording, escaped.
fn said(w: &dyn Wording, m: Msg<'_>) -> String {
    esc(&w.say(m))
}

/// `v` as the wording writes it, `–` where it is not finite.
fn num(w: &dyn Wording, v: f64, digits: usize) -> String {
    if v.is_finite() {
        w.number(v, digits)
    } else {
        "–".into()
    }
}

/// Opens the box a wide table scrolls sideways in, on a screen narrower than the table (a
/// phone): a region named `name` (already escaped), focusable so that the keyboard scrolls it
/// too. Printed, it does not clip.
fn scroll_box(out: &mut String, name: &str) {
    let _ = write!(
        out,
        "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"{name}\">"
    );
}

fn ranking_table(
    out: &mut String,
    name: &str,
    rows: &[crate::potential::PotentialRow],
    labels: &dyn Fn(&str) -> String,
    limit: usize,
    w: &dyn Wording,
) {
    scroll_box(out, name);
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        said(w, Msg::ColRank),
        said(w, Msg::ColCode),
        said(w, Msg::ColName),
        said(w, Msg::ColScore),
        said(w, Msg::ColEmployment)
    );
    if let Some(f) = rows.first() {
        for c in &f.components {
            let _ = write!(
                out,
                "<th>{} <small>({})</small></th>",
                said(w, Msg::Component(c.name)),
                said(w, Msg::Weight(c.weight))
            );
        }
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows.iter().take(limit) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><b>{}</b></td><td>{}</td>",
            row.rank,
            esc(&row.code),
            esc(&labels(&row.code)),
            esc(&num(w, row.score, 3)),
            esc(&num(w, row.employment, 0))
        );
        for c in &row.components {
            if c.available {
                let _ = write!(
                    out,
                    "<td>{} <small>({})</small></td>",
                    esc(&num(w, c.value, 3)),
                    esc(&num(w, c.score, 2))
                );
            } else {
                let _ = write!(out, "<td>{}</td>", said(w, Msg::NotAvailable));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

/// The report of region `code`: potential ranking (industries and categories), charts,
/// shift-share, diagnostics and the parameters used. `labels` maps codes to names, `w` says
/// everything else, the engine's warnings included. The data's own notes are shown as they
/// are (see [`Wording::note`]).
pub fn region_report(
    rep: &Report,
    code: &str,
    labels: &dyn Fn(&str) -> String,
    w: &dyn Wording,
) -> Result<String> {
    let r = rep
        .regions
        .iter()
        .position(|x| x == code)
        .ok_or_else(|| Error::Param(format!("region '{code}' is not in the data")))?;
    let yr: &YearResult = rep
        .industries
        .last()
        .ok_or_else(|| Error::Param("no year analysed".into()))?;
    let cat = rep.categories.last();
    let name = labels(code);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}}\
         .wide{{overflow-x:auto;margin:.5rem 0}}.wide table{{margin:0}}.wide:focus-visible{{outline:3px solid #d35400;outline-offset:2px}}\
         table{{border-collapse:collapse;font-size:.8rem;margin:.5rem 0}}td,th{{border:1px solid #ccc;padding:.15rem .35rem;text-align:right}}\
         td:nth-child(2),td:nth-child(3),th{{text-align:left}}.note{{border:2px solid #b00;color:#b00;padding:.4rem;font-weight:bold}}\
         svg{{max-width:100%;height:auto}}section{{break-inside:avoid}}@media print{{body{{max-width:none;padding:0}}.wide{{overflow:visible}}}}</style></head><body><main>\
         <h1>{heading}</h1>",
        lang = esc(w.lang()),
        title = said(
            w,
            Msg::ReportTitle {
                region: &name,
                year: yr.year
            }
        ),
        heading = said(
            w,
            Msg::ReportHeading {
                region: &name,
                year: yr.year
            }
        ),
    );
    for n in &rep.notes {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(&w.note(n)));
    }
    let nc = yr.n_cols();
    let _ = write!(
        h,
        "<p>{}</p>",
        said(
            w,
            Msg::ReportSummary {
                source: &rep.source,
                years: &rep.years,
                region: code,
                employment: &num(w, yr.region_total[r], 0),
                diversity: &num(w, yr.diversity.get(r).copied().unwrap_or(f64::NAN), 0),
                threshold: rep.params.complexity.threshold,
                eci: &num(w, yr.eci[r], 3),
                coi: &num(w, yr.coi[r], 3),
            }
        )
    );
    let _ = write!(
        h,
        "<section><h2>{}</h2><p>{}</p>",
        said(w, Msg::PotentialHeading),
        said(w, Msg::PotentialIntro)
    );
    for p in rep.potential.iter().filter(|p| p.region == code) {
        let level = said(
            w,
            if p.level == Level::Category {
                Msg::LevelCategories
            } else {
                Msg::LevelIndustries
            },
        );
        let _ = write!(h, "<h3>{level}</h3>");
        ranking_table(
            &mut h,
            &level,
            &p.rows,
            labels,
            if p.level == Level::Category { 50 } else { 25 },
            w,
        );
    }
    h.push_str("</section>");
    let notes = &rep.notes;
    if let Some(c) = cat {
        let _ = write!(
            h,
            "<section><h2>{}</h2>{}</section>",
            said(w, Msg::CategoriesCharts),
            bubble_chart(c, code, r, false, labels, notes, w)
        );
    }
    let _ = write!(
        h,
        "<section><h2>{}</h2>{}{}</section>",
        said(w, Msg::IndustriesCharts),
        bubble_chart(yr, code, r, false, labels, notes, w),
        star_bars(cat.unwrap_or(yr), code, r, 30, labels, notes, w)
    );
    let _ = write!(
        h,
        "<section><h2>{}</h2>{}</section>",
        said(w, Msg::RelatedHeading),
        proximity_network(yr, code, r, 40, 0.7, labels, notes, w)
    );
    // shift-share of the region
    let ss: Vec<_> = rep
        .shift_share
        .iter()
        .filter(|s| s.region == code)
        .collect();
    if let Some(t) = ss.iter().find(|s| s.industry == "*") {
        let (from, to) = rep.params.shift_share.unwrap_or_default();
        let heading = said(w, Msg::ShiftShareHeading { from, to });
        let _ = write!(
            h,
            "<section><h2>{heading}</h2><p>{}</p>",
            said(
                w,
                Msg::ShiftShareSummary {
                    change: &num(w, t.actual_change, 0),
                    national: &num(w, t.national_share, 0),
                    mix: &num(w, t.industry_mix, 0),
                    regional: &num(w, t.regional_shift, 0),
                }
            )
        );
        let mut top: Vec<_> = ss
            .iter()
            .filter(|s| s.industry != "*" && s.regional_shift.is_finite())
            .collect();
        top.sort_by(|a, b| b.regional_shift.total_cmp(&a.regional_shift));
        scroll_box(&mut h, &heading);
        h.push_str("<table><thead><tr>");
        for m in [
            Msg::ColCode,
            Msg::ColName,
            Msg::ColBase,
            Msg::ColChange,
            Msg::ColNational,
            Msg::ColMix,
            Msg::ColRegional,
        ] {
            let _ = write!(h, "<th>{}</th>", said(w, m));
        }
        h.push_str("</tr></thead><tbody>");
        for s in top.iter().take(10).chain(top.iter().rev().take(5)) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&s.industry),
                esc(&labels(&s.industry)),
                esc(&num(w, s.base, 0)),
                esc(&num(w, s.actual_change, 0)),
                esc(&num(w, s.national_share, 0)),
                esc(&num(w, s.industry_mix, 0)),
                esc(&num(w, s.regional_shift, 0))
            );
        }
        h.push_str("</tbody></table></div></section>");
    }
    let d = &rep.diagnostics;
    let _ = write!(
        h,
        "<section><h2>{}</h2><p>{}</p><ul>",
        said(w, Msg::DataQualityHeading),
        said(
            w,
            Msg::DataQuality {
                absent: d.absent_cells,
                missing: d.missing_cells,
                suppressed: d.suppressed_cells,
            }
        )
    );
    for warning in d.warnings.iter().take(20) {
        let _ = write!(h, "<li>{}</li>", said(w, Msg::Warning(warning)));
    }
    let held = (0..nc)
        .filter(|&c| yr.present.get(r * nc + c) == Some(&1))
        .count();
    let _ = writeln!(
        h,
        "</ul></section><section><h2>{}</h2><p>{}</p></section></main></body></html>",
        said(w, Msg::MethodHeading),
        said(
            w,
            Msg::Method {
                threshold: rep.params.complexity.threshold,
                present: held,
                top_percent: ((1.0 - rep.params.stars.size_quantile) * 100.0).round(),
                specialisation_lq: rep.params.stars.specialisation_lq,
                complexity: &rep.params.complexity,
                weights: &rep.params.weights,
            }
        )
    );
    Ok(h)
}
