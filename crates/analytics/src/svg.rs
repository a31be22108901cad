//! SVG charts of one region: the cluster bubble chart, star bars and the proximity network.
//! Plain SVG 1.1 strings (no scripts), with a title, a description and the data set's notes
//! (e.g. the illustrative label) printed in the chart. Every word comes from a [`Wording`]
//! ([`English`](crate::wording::English) for the engine's own) and is escaped, like names.

use std::fmt::Write;

use crate::analysis::{Level, YearResult};
use crate::wording::{Msg, Wording};

const STAR_COLOURS: [&str; 4] = ["#9e9e9e", "#f2c14e", "#f08a24", "#c0392b"];

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn header(w: f64, h: f64, title: &str, desc: &str) -> String {
    // The title's and description's ids must differ between the charts of one HTML report, or
    // every chart would be named by the first one's: derived from what they name.
    let id = title_id(title, desc);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">\
         <title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\
         <text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        esc(title),
        esc(desc),
        esc(title)
    )
}

/// A short id for a chart's title and description, the same for the same texts (FNV-1a).
fn title_id(title: &str, desc: &str) -> String {
    let hash = title
        .bytes()
        .chain([0])
        .chain(desc.bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("chart-{:08x}", hash as u32)
}

fn footer(out: &mut String, h: f64, notes: &[String], w: &dyn Wording) {
    // the illustrative label first and bold; long notes shortened to fit
    let mut ns: Vec<&String> = notes.iter().collect();
    ns.sort_by_key(|n| !n.contains("ILLUSTRATIVE"));
    for (k, n) in ns.iter().take(2).enumerate() {
        let n = w.note(n);
        let text: String = if n.chars().count() > 125 {
            n.chars().take(122).chain("...".chars()).collect()
        } else {
            n
        };
        let _ = write!(
            out,
            "<text x=\"10\" y=\"{}\" font-size=\"10\" fill=\"#b00\"{}>{}</text>",
            h - 20.0 + 12.0 * k as f64,
            if k == 0 { " font-weight=\"bold\"" } else { "" },
            esc(&text)
        );
    }
    out.push_str("</svg>\n");
}

/// Bubble chart: x = LQ (log scale), y = growth (CAGR) or change of LQ, area = employment,
/// colour = stars. `y_change_lq` picks the y variable; `region` (code or name) is for the
/// title, `r` the region's index.
pub fn bubble_chart(
    yr: &YearResult,
    region: &str,
    r: usize,
    y_change_lq: bool,
    labels: &dyn Fn(&str) -> String,
    notes: &[String],
    wd: &dyn Wording,
) -> String {
    let (w, h) = (760.0, 520.0);
    let (l, rgt, top, bot) = (60.0, 150.0, 40.0, 70.0);
    let nc = yr.n_cols();
    let yv = if y_change_lq { &yr.lq_change } else { &yr.cagr };
    let pts: Vec<(usize, f64, f64, f64)> = (0..nc)
        .filter_map(|c| {
            let i = r * nc + c;
            let (x, y, e) = (
                yr.lq[i],
                yv.get(i).copied().unwrap_or(f64::NAN),
                yr.employment[i],
            );
            (x.is_finite() && x > 0.0 && y.is_finite() && e > 0.0).then_some((c, x, y, e))
        })
        .collect();
    let ylabel = wd.say(if y_change_lq {
        Msg::AxisLqChange
    } else {
        Msg::AxisGrowth
    });
    // A report shows both levels: their charts need titles of their own.
    let level = wd.say(match yr.level {
        Level::Category => Msg::LevelCategories,
        Level::Industry => Msg::LevelIndustries,
    });
    let mut s = header(
        w,
        h,
        &format!(
            "{level}: {}",
            wd.say(Msg::BubbleTitle {
                region,
                year: yr.year,
            })
        ),
        &wd.say(Msg::BubbleDesc { y_axis: &ylabel }),
    );
    if pts.is_empty() {
        let _ = write!(
            s,
            "<text x=\"60\" y=\"80\">{}</text>",
            esc(&wd.say(Msg::BubbleEmpty))
        );
        footer(&mut s, h, notes, wd);
        return s;
    }
    let lx: Vec<f64> = pts.iter().map(|p| p.1.log2()).collect();
    let (xmin, xmax) = (
        lx.iter().copied().fold(0.0f64, f64::min).min(-1.0),
        lx.iter().copied().fold(0.0f64, f64::max).max(1.0),
    );
    let (ymin, ymax) = pts
        .iter()
        .fold((0.0f64, 0.0f64), |(a, b), p| (a.min(p.2), b.max(p.2)));
    let pad = (ymax - ymin).max(1e-9) * 0.08;
    let (ymin, ymax) = (ymin - pad, ymax + pad);
    let emax = pts.iter().map(|p| p.3).fold(0.0, f64::max);
    let px = |x: f64| l + (x - xmin) / (xmax - xmin) * (w - l - rgt);
    let py = |y: f64| top + (ymax - y) / (ymax - ymin) * (h - top - bot);
    // axes and reference lines (LQ = 1, y = 0)
    let _ = write!(
        s,
        "<line x1=\"{l}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333\"/><line x1=\"{l}\" y1=\"{top}\" x2=\"{l}\" y2=\"{}\" stroke=\"#333\"/>",
        h - bot,
        w - rgt,
        h - bot,
        h - bot
    );
    let _ = write!(
        s,
        "<line x1=\"{0}\" y1=\"{top}\" x2=\"{0}\" y2=\"{1}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/><line x1=\"{l}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
        px(0.0),
        h - bot,
        py(0.0),
        w - rgt
    );
    let mut k = xmin.ceil() as i32;
    while (k as f64) <= xmax {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(k as f64),
            h - bot + 14.0,
            // 2^-k has k decimals: 0.5, 0.25
            wd.number(2f64.powi(k), (-k).max(0) as usize)
        );
        k += 1;
    }
    for t in 0..=4 {
        let y = ymin + (ymax - ymin) * t as f64 / 4.0;
        let lab = if y_change_lq {
            wd.number(y, 2)
        } else {
            wd.percent(y, 1)
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            l - 4.0,
            py(y) + 4.0,
            esc(&lab)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
         <text transform=\"translate(14 {}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        (l + w - rgt) / 2.0,
        h - bot + 30.0,
        esc(&wd.say(Msg::AxisLq)),
        (top + h - bot) / 2.0,
        esc(&ylabel)
    );
    // largest first so small bubbles stay visible
    let mut order: Vec<usize> = (0..pts.len()).collect();
    order.sort_by(|&a, &b| pts[b].3.total_cmp(&pts[a].3));
    for (rank, &k) in order.iter().enumerate() {
        let (c, x, y, e) = pts[k];
        let rad = 3.0 + 27.0 * (e / emax).sqrt();
        let st = yr.stars(r * nc + c).min(3) as usize;
        let name = labels(&yr.codes[c]);
        let tip = wd.say(Msg::BubbleTip {
            name: &name,
            lq: &wd.number(x, 2),
            y_axis: &ylabel,
            y,
            growth: !y_change_lq,
            employment: &wd.number(e, 0),
            stars: st,
        });
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{rad:.1}\" fill=\"{}\" fill-opacity=\"0.65\" stroke=\"#333\" stroke-width=\"0.5\"><title>{}</title></circle>",
            px(x.log2()),
            py(y),
            STAR_COLOURS[st],
            esc(&tip)
        );
        if rank < 12 || st >= 2 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{}</text>",
                px(x.log2()) + rad * 0.7,
                (py(y) - rad * 0.7).max(top + 8.0),
                esc(&name)
            );
        }
    }
    // legend
    for (k, col) in STAR_COLOURS.iter().enumerate() {
        let _ = write!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{col}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            w - 120.0,
            top + 10.0 + 16.0 * k as f64,
            w - 110.0,
            top + 14.0 + 16.0 * k as f64,
            esc(&wd.say(Msg::Stars(k)))
        );
    }
    footer(&mut s, h, notes, wd);
    s
}

/// Horizontal star bars of the region's columns with at least one star (size, specialisation,
/// focus segments), sorted by stars then LQ; at most `limit` rows.
pub fn star_bars(
    yr: &YearResult,
    region: &str,
    r: usize,
    limit: usize,
    labels: &dyn Fn(&str) -> String,
    notes: &[String],
    wd: &dyn Wording,
) -> String {
    let nc = yr.n_cols();
    let mut rows: Vec<usize> = (0..nc).filter(|&c| yr.stars(r * nc + c) > 0).collect();
    rows.sort_by(|&a, &b| {
        yr.stars(r * nc + b)
            .cmp(&yr.stars(r * nc + a))
            .then(yr.lq[r * nc + b].total_cmp(&yr.lq[r * nc + a]))
    });
    rows.truncate(limit);
    let (w, row_h) = (760.0, 18.0);
    let h = 90.0 + row_h * rows.len().max(1) as f64 + 30.0;
    let mut s = header(
        w,
        h,
        &wd.say(Msg::StarsTitle {
            region,
            year: yr.year,
        }),
        &wd.say(Msg::StarsDesc),
    );
    let (x0, seg) = (300.0, 110.0);
    let kinds = [
        (esc(&wd.say(Msg::StarSize)), "#4e79a7"),
        (esc(&wd.say(Msg::StarSpecialisation)), "#f28e2b"),
        (esc(&wd.say(Msg::StarFocus)), "#59a14f"),
    ];
    for (k, (name, col)) in kinds.iter().enumerate() {
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"30\" width=\"10\" height=\"10\" fill=\"{col}\"/><text x=\"{}\" y=\"39\">{name}</text>",
            x0 + 130.0 * k as f64,
            x0 + 14.0 + 130.0 * k as f64
        );
    }
    if rows.is_empty() {
        let _ = write!(
            s,
            "<text x=\"10\" y=\"70\">{}</text>",
            esc(&wd.say(Msg::StarsEmpty))
        );
    }
    for (k, &c) in rows.iter().enumerate() {
        let i = r * nc + c;
        let y = 60.0 + row_h * k as f64;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            x0 - 8.0,
            y + 12.0,
            esc(&labels(&yr.codes[c]))
        );
        let mut x = x0;
        for (flag, (name, col)) in [yr.size_star[i], yr.specialisation_star[i], yr.focus_star[i]]
            .iter()
            .zip(&kinds)
        {
            if *flag == 1 {
                let _ = write!(
                    s,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{col}\"><title>{name}</title></rect>",
                    seg - 2.0,
                    row_h - 4.0
                );
                x += seg;
            }
        }
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            x + 6.0,
            y + 12.0,
            esc(&wd.say(Msg::BarLq {
                lq: &wd.number(yr.lq[i], 2)
            }))
        );
    }
    footer(&mut s, h, notes, wd);
    s
}

/// Proximity network of the region's industries: the `limit` largest present industries and
/// the most related absent ones (by density), edges for the strongest proximities (each node's
/// two nearest neighbours plus all pairs above `min_phi`). Deterministic force layout.
// The chart's data, its two layout parameters and what it says: grouping them would only
// move the list elsewhere.
#[allow(clippy::too_many_arguments)]
pub fn proximity_network(
    yr: &YearResult,
    region: &str,
    r: usize,
    limit: usize,
    min_phi: f64,
    labels: &dyn Fn(&str) -> String,
    notes: &[String],
    wd: &dyn Wording,
) -> String {
    let nc = yr.n_cols();
    let (w, h) = (760.0, 620.0);
    let mut s = header(
        w,
        h,
        &wd.say(Msg::NetworkTitle {
            region,
            year: yr.year,
        }),
        &wd.say(Msg::NetworkDesc),
    );
    if yr.proximity.len() != nc * nc || yr.present.len() != yr.lq.len() {
        let _ = write!(
            s,
            "<text x=\"10\" y=\"60\">{}</text>",
            esc(&wd.say(Msg::NetworkNoProximity))
        );
        footer(&mut s, h, notes, wd);
        return s;
    }
    let mut present: Vec<usize> = (0..nc).filter(|&c| yr.present[r * nc + c] == 1).collect();
    present.sort_by(|&a, &b| yr.employment[r * nc + b].total_cmp(&yr.employment[r * nc + a]));
    present.truncate(limit * 2 / 3);
    let mut absent: Vec<usize> = (0..nc)
        .filter(|&c| {
            yr.present[r * nc + c] == 0 && yr.density.get(r * nc + c).is_some_and(|d| d.is_finite())
        })
        .collect();
    absent.sort_by(|&a, &b| yr.density[r * nc + b].total_cmp(&yr.density[r * nc + a]));
    absent.truncate(limit - present.len().min(limit));
    let nodes: Vec<usize> = present.iter().chain(&absent).copied().collect();
    let n = nodes.len();
    if n == 0 {
        let _ = write!(
            s,
            "<text x=\"10\" y=\"60\">{}</text>",
            esc(&wd.say(Msg::NetworkEmpty))
        );
        footer(&mut s, h, notes, wd);
        return s;
    }
    let phi = |a: usize, b: usize| yr.proximity[nodes[a] * nc + nodes[b]];
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for a in 0..n {
        let mut nb: Vec<usize> = (0..n).filter(|&b| b != a).collect();
        nb.sort_by(|&x, &y| phi(a, y).total_cmp(&phi(a, x)));
        for &b in nb.iter().take(2) {
            if phi(a, b) > 0.0 {
                edges.push((a.min(b), a.max(b)));
            }
        }
        for b in a + 1..n {
            if phi(a, b) >= min_phi {
                edges.push((a, b));
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    // Fruchterman-Reingold from a circle, fixed iterations: same input, same picture
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let t = k as f64 / n as f64 * std::f64::consts::TAU;
            (t.cos() * 0.4, t.sin() * 0.4)
        })
        .collect();
    let kk = (1.0 / n as f64).sqrt();
    for it in 0..300 {
        let temp = 0.1 * (1.0 - it as f64 / 300.0) + 0.002;
        let mut disp = vec![(0.0, 0.0); n];
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                    let d = (dx * dx + dy * dy).sqrt().max(1e-4);
                    let f = kk * kk / d;
                    disp[a].0 += dx / d * f;
                    disp[a].1 += dy / d * f;
                }
            }
        }
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = d * d / kk * (0.5 + phi(a, b));
            disp[a].0 -= dx / d * f;
            disp[a].1 -= dy / d * f;
            disp[b].0 += dx / d * f;
            disp[b].1 += dy / d * f;
        }
        for a in 0..n {
            let d = (disp[a].0 * disp[a].0 + disp[a].1 * disp[a].1)
                .sqrt()
                .max(1e-9);
            pos[a].0 = (pos[a].0 + disp[a].0 / d * d.min(temp)).clamp(-0.5, 0.5);
            pos[a].1 = (pos[a].1 + disp[a].1 / d * d.min(temp)).clamp(-0.5, 0.5);
        }
    }
    let (cx, cy, sc) = (w / 2.0, 40.0 + (h - 80.0) / 2.0, (h - 120.0).min(w - 80.0));
    let p = |k: usize| (cx + pos[k].0 * sc, cy + pos[k].1 * sc);
    for &(a, b) in &edges {
        let ((x1, y1), (x2, y2)) = (p(a), p(b));
        let _ = write!(
            s,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#888\" stroke-opacity=\"{:.2}\" stroke-width=\"{:.1}\"/>",
            0.2 + 0.8 * phi(a, b),
            0.5 + 3.0 * phi(a, b)
        );
    }
    let emax = nodes
        .iter()
        .map(|&c| yr.employment[r * nc + c])
        .filter(|e| e.is_finite())
        .fold(1.0, f64::max);
    for (k, &c) in nodes.iter().enumerate() {
        let (x, y) = p(k);
        let e = yr.employment[r * nc + c];
        let rad = 4.0 + 14.0 * (e.max(0.0) / emax).sqrt();
        let held = yr.present[r * nc + c] == 1;
        let st = yr.stars(r * nc + c).min(3) as usize;
        let name = labels(&yr.codes[c]);
        let tip = wd.say(Msg::NodeTip {
            name: &name,
            present: held,
            density: &wd.number(yr.density[r * nc + c], 3),
        });
        let _ = write!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{rad:.1}\" fill=\"{}\" stroke=\"#333\"><title>{}</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{}</text>",
            if held { STAR_COLOURS[st] } else { "#fff" },
            esc(&tip),
            x + rad + 2.0,
            y + 3.0,
            esc(&name)
        );
    }
    footer(&mut s, h, notes, wd);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_of_one_report_are_named_by_their_own_title() {
        let a = header(100.0, 50.0, "Stars: categories", "d");
        let b = header(100.0, 50.0, "Stars: industries", "d");
        let id = title_id("Stars: categories", "d");
        assert!(
            a.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")),
            "{a}"
        );
        assert!(a.contains(&format!("<title id=\"{id}-t\">")), "{a}");
        assert_ne!(id, title_id("Stars: industries", "d"));
        assert!(!b.contains(&id), "{b}");
    }
}
