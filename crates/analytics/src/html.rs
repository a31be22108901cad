//! A printable HTML report of one region's analysis (no scripts, inline SVG charts).

use std::fmt::Write;

use crate::analysis::{Level, YearResult};
use crate::error::{Error, Result};
use crate::report::Report;
use crate::svg::{bubble_chart, esc, proximity_network, star_bars};

fn num(v: f64, digits: usize) -> String {
    if v.is_finite() {
        format!("{v:.digits$}")
    } else {
        "–".into()
    }
}

fn ranking_table(
    out: &mut String,
    rows: &[crate::potential::PotentialRow],
    labels: &dyn Fn(&str) -> String,
    limit: usize,
) {
    out.push_str(
        "<table><thead><tr><th>#</th><th>code</th><th>name</th><th>score</th><th>employment</th>",
    );
    if let Some(f) = rows.first() {
        for c in &f.components {
            let _ = write!(
                out,
                "<th>{} <small>(w {})</small></th>",
                c.name.replace('_', " "),
                c.weight
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
            num(row.score, 3),
            num(row.employment, 0)
        );
        for c in &row.components {
            if c.available {
                let _ = write!(
                    out,
                    "<td>{} <small>({})</small></td>",
                    num(c.value, 3),
                    num(c.score, 2)
                );
            } else {
                out.push_str("<td>n/a</td>");
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// The report of region `code`: potential ranking (industries and categories), charts,
/// shift-share, diagnostics and the parameters used. `labels` maps codes to names.
pub fn region_report(rep: &Report, code: &str, labels: &dyn Fn(&str) -> String) -> Result<String> {
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
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cluster analysis {c} {y}</title>\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;color:#222}}\
         table{{border-collapse:collapse;font-size:.8rem;margin:.5rem 0}}td,th{{border:1px solid #ccc;padding:.15rem .35rem;text-align:right}}\
         td:nth-child(2),td:nth-child(3),th{{text-align:left}}.note{{border:2px solid #b00;color:#b00;padding:.4rem;font-weight:bold}}\
         svg{{max-width:100%;height:auto}}section{{break-inside:avoid}}@media print{{body{{max-width:none}}}}</style></head><body><main>\
         <h1>Cluster analysis: {c}, {y}</h1>",
        c = esc(&labels(code)),
        y = yr.year
    );
    for n in &rep.notes {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    let nc = yr.n_cols();
    let total = yr.region_total[r];
    let _ = write!(
        h,
        "<p>Source: {}. Years analysed: {:?}. Employment in {}: {}. Diversity {} industries at LQ &ge; {}; ECI {}; COI {}.</p>",
        esc(&rep.source),
        rep.years,
        esc(code),
        num(total, 0),
        num(yr.diversity.get(r).copied().unwrap_or(f64::NAN), 0),
        rep.params.complexity.threshold,
        num(yr.eci[r], 3),
        num(yr.coi[r], 3)
    );
    h.push_str("<section><h2>Potential clusters</h2><p>Each component is shown with its value and its score in [0, 1] (stars/3; PCI: percentile among industries; otherwise the region's percentile among all regions in the same industry); the score is the weighted mean.</p>");
    for p in rep.potential.iter().filter(|p| p.region == code) {
        let _ = write!(
            h,
            "<h3>{}</h3>",
            if p.level == Level::Category {
                "Cluster categories"
            } else {
                "Industries"
            }
        );
        ranking_table(
            &mut h,
            &p.rows,
            labels,
            if p.level == Level::Category { 50 } else { 25 },
        );
    }
    h.push_str("</section>");
    let notes = rep.notes.clone();
    if let Some(c) = cat {
        let _ = write!(
            h,
            "<section><h2>Categories: stars and dynamics</h2>{}</section>",
            bubble_chart(c, code, r, false, labels, &notes)
        );
    }
    let _ = write!(
        h,
        "<section><h2>Industries: stars and dynamics</h2>{}{}</section>",
        bubble_chart(yr, code, r, false, labels, &notes),
        star_bars(cat.unwrap_or(yr), code, r, 30, labels, &notes)
    );
    let _ = write!(
        h,
        "<section><h2>Related industries</h2>{}</section>",
        proximity_network(yr, code, r, 40, 0.7, labels, &notes)
    );
    // shift-share of the region
    let ss: Vec<_> = rep
        .shift_share
        .iter()
        .filter(|s| s.region == code)
        .collect();
    if let Some(t) = ss.iter().find(|s| s.industry == "*") {
        let _ = write!(
            h,
            "<section><h2>Shift-share {:?}</h2><p>Change {}: national share {}, industry mix {}, regional (competitive) shift {}.</p>",
            rep.params.shift_share.unwrap_or_default(),
            num(t.actual_change, 0),
            num(t.national_share, 0),
            num(t.industry_mix, 0),
            num(t.regional_shift, 0)
        );
        let mut top: Vec<_> = ss
            .iter()
            .filter(|s| s.industry != "*" && s.regional_shift.is_finite())
            .collect();
        top.sort_by(|a, b| b.regional_shift.total_cmp(&a.regional_shift));
        h.push_str("<table><thead><tr><th>code</th><th>name</th><th>base</th><th>change</th><th>national</th><th>mix</th><th>regional</th></tr></thead><tbody>");
        for s in top.iter().take(10).chain(top.iter().rev().take(5)) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&s.industry),
                esc(&labels(&s.industry)),
                num(s.base, 0),
                num(s.actual_change, 0),
                num(s.national_share, 0),
                num(s.industry_mix, 0),
                num(s.regional_shift, 0)
            );
        }
        h.push_str("</tbody></table></section>");
    }
    let d = &rep.diagnostics;
    let _ = write!(
        h,
        "<section><h2>Data quality</h2><p>{} cells absent from the input (taken as 0), {} missing, {} suppressed (their own indicators are left empty; totals count them as 0).</p><ul>",
        d.absent_cells, d.missing_cells, d.suppressed_cells
    );
    for w in d.warnings.iter().take(20) {
        let _ = write!(h, "<li>{}</li>", esc(w));
    }
    let held = (0..nc)
        .filter(|&c| yr.present.get(r * nc + c) == Some(&1))
        .count();
    let _ = writeln!(
        h,
        "</ul></section><section><h2>Method and parameters</h2><p>LQ = (e_ri/e_r)/(e_i/e); presence at LQ &ge; {}; {} industries present. \
         Stars (European Cluster Observatory): size and focus for the top {}% of regions, specialisation at LQ &ge; {}. \
         Complexity conventions: {:?}. Weights: {:?}.</p></section></main></body></html>",
        rep.params.complexity.threshold,
        held,
        ((1.0 - rep.params.stars.size_quantile) * 100.0).round(),
        rep.params.stars.specialisation_lq,
        rep.params.complexity,
        rep.params.weights
    );
    Ok(h)
}
