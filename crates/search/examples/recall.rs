//! Prints the analysis measurement: recall of inflected forms per language and choice.
//!
//!   CARGO_TARGET_DIR=/work/tgt/search cargo run -p klaster-search --example recall [-- --misses]

use klaster_search::Lang;
use klaster_search::analysis::analyze;
use klaster_search::analysis::eval::{candidates, groups, held_out, score, score_on};

fn main() {
    if std::env::args().any(|a| a == "--misses") {
        misses();
        return;
    }
    println!("| lang | forms | pairs | choice | recall | cross-group collisions |");
    println!("|---|---|---|---|---|---|");
    for lang in Lang::ALL {
        let forms: usize = groups(lang).iter().map(|g| g.len()).sum();
        for (name, stemming) in candidates(lang) {
            let s = score(lang, stemming);
            println!(
                "| {lang} | {forms} | {} | {name} | {:.0}% ({}/{}) | {} |",
                s.pairs,
                s.recall() * 100.0,
                s.matched,
                s.pairs,
                s.collisions
            );
        }
    }
    println!();
    println!(
        "Second set for the light stemmers (held out until the soft-vowel rule; see eval.rs):"
    );
    println!("| lang | pairs | choice | recall | collisions |");
    println!("|---|---|---|---|---|");
    for lang in [Lang::Be, Lang::Bg] {
        for (name, stemming) in candidates(lang) {
            let s = score_on(lang, stemming, held_out(lang));
            println!(
                "| {lang} | {} | {name} | {:.0}% ({}/{}) | {} |",
                s.pairs,
                s.recall() * 100.0,
                s.matched,
                s.pairs,
                s.collisions
            );
        }
    }
}

/// The analysed form of every word, group by group, where a group does not meet on one term.
fn misses() {
    for lang in Lang::ALL {
        for g in groups(lang).iter().chain(held_out(lang)) {
            let a: Vec<String> = g.iter().map(|w| analyze(lang, w).join(" ")).collect();
            if a.iter().any(|t| *t != a[0]) {
                let pairs: Vec<String> =
                    g.iter().zip(&a).map(|(w, t)| format!("{w}→{t}")).collect();
                println!("{lang}: {}", pairs.join(", "));
            }
        }
    }
}
