//! Cluster categories: named sets of industries (e.g. dairy = 10.51 + 10.52), loaded from a
//! small CSV `category,label,members` where members are codes or code prefixes joined by `+`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::hierarchy::member_covers;
use crate::warning::{Warning, WarningKind};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub code: String,
    pub label: String,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Categories {
    pub list: Vec<Category>,
}

/// The definitions shipped for the demo (NACE Rev. 2 groups and divisions).
pub const DEMO_CATEGORIES: &str = include_str!("../data/categories.csv");

impl Categories {
    pub fn demo() -> Categories {
        Categories::parse(DEMO_CATEGORIES, "categories.csv").expect("shipped categories parse")
    }

    pub fn parse(text: &str, file: &str) -> Result<Categories> {
        let mut list: Vec<Category> = Vec::new();
        let mut header_seen = false;
        for (k, line) in text.lines().enumerate() {
            let lineno = k as u64 + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = split_csv(line);
            if !header_seen {
                header_seen = true;
                let h: Vec<String> = f.iter().map(|s| s.trim().to_ascii_lowercase()).collect();
                if h != ["category", "label", "members"] {
                    return Err(Error::input(
                        file,
                        lineno,
                        None,
                        "header must be: category,label,members",
                    ));
                }
                continue;
            }
            if f.len() != 3 {
                return Err(Error::input(
                    file,
                    lineno,
                    None,
                    format!("expected 3 fields, found {}", f.len()),
                ));
            }
            let code = f[0].trim().to_string();
            if code.is_empty() {
                return Err(Error::input(
                    file,
                    lineno,
                    Some("category"),
                    "empty category code",
                ));
            }
            if list.iter().any(|c| c.code == code) {
                return Err(Error::input(
                    file,
                    lineno,
                    Some("category"),
                    format!("category '{code}' defined twice"),
                ));
            }
            let members: Vec<String> = f[2]
                .split(['+', ';', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if members.is_empty() {
                return Err(Error::input(
                    file,
                    lineno,
                    Some("members"),
                    "no member industries",
                ));
            }
            list.push(Category {
                code,
                label: f[1].trim().to_string(),
                members,
            });
        }
        Ok(Categories { list })
    }

    /// Industry indices of each category; warnings for members that match nothing (e.g. a
    /// class code when the data has groups: a finer code cannot be cut out of a coarser one).
    pub fn resolve(&self, industries: &[String]) -> (Vec<(String, Vec<usize>)>, Vec<Warning>) {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        for cat in &self.list {
            let mut idx = Vec::new();
            for m in &cat.members {
                let hits: Vec<usize> = (0..industries.len())
                    .filter(|&i| member_covers(m, &industries[i]))
                    .collect();
                if hits.is_empty() {
                    warnings.push(
                        WarningKind::UnmatchedMember {
                            category: cat.code.clone(),
                            member: m.clone(),
                        }
                        .into(),
                    );
                }
                idx.extend(hits);
            }
            idx.sort_unstable();
            idx.dedup();
            if idx.is_empty() {
                warnings.push(
                    WarningKind::EmptyCategory {
                        category: cat.code.clone(),
                    }
                    .into(),
                );
            } else {
                out.push((cat.code.clone(), idx));
            }
        }
        (out, warnings)
    }

    pub fn label(&self, code: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.label.as_str())
    }
}

/// Minimal CSV splitting with double quotes (labels may contain commas).
fn split_csv(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i <= b.len() {
        if i < b.len() && b[i] == b'"' {
            let end = line[i + 1..]
                .find('"')
                .map(|p| i + 1 + p)
                .unwrap_or(b.len());
            out.push(&line[i + 1..end]);
            i = line[end..]
                .find(',')
                .map(|p| end + p + 1)
                .unwrap_or(b.len() + 1);
        } else {
            let end = line[i..].find(',').map(|p| i + p).unwrap_or(b.len());
            out.push(&line[i..end]);
            i = end + 1;
        }
    }
    out
}

impl crate::Dataset {
    /// The data summed by category (columns = categories), with resolution warnings.
    /// Region and grand totals of this cube are not those of the economy when categories
    /// overlap or leave industries out: shares and LQs of categories take totals from `self`.
    pub fn by_categories(&self, cats: &Categories) -> (crate::Dataset, Vec<Warning>) {
        let (groups, warnings) = cats.resolve(&self.industries);
        let rows: Vec<(String, Vec<usize>)> = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.clone(), vec![i]))
            .collect();
        (self.regroup(&rows, &groups), warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_resolve() {
        let c = Categories::parse("category,label,members\ndairy,\"Dairy, milk\",10.51+10.52\nagri,Agri machinery,28.30\n", "t").unwrap();
        assert_eq!(c.list[0].label, "Dairy, milk");
        let inds: Vec<String> = ["10.51", "10.52", "10.61", "28.30"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (r, w) = c.resolve(&inds);
        assert_eq!(
            r,
            vec![
                ("dairy".to_string(), vec![0, 1]),
                ("agri".to_string(), vec![3])
            ]
        );
        assert!(w.is_empty());
        assert!(Categories::parse("category,label,members\nx,y,\n", "t").is_err());
        assert!(!Categories::demo().list.is_empty());
    }
}
