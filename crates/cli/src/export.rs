//! `klaster export`: every organisation as CSV (the import layout) or JSON (the full profiles).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use klaster_store::Db;
use klaster_store::organisations::{self as orgs, Filter, OrgRecord, Page, Sort};

use crate::tabular;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

const BATCH: i64 = 1000;

pub async fn run(db: &Db, args: ExportArgs) -> anyhow::Result<()> {
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(out);
    let n = export(db, args.format, &mut out).await?;
    out.flush()?;
    eprintln!("exported {n} organisations");
    Ok(())
}

pub async fn export(db: &Db, format: Format, out: &mut dyn Write) -> anyhow::Result<usize> {
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(tabular::COLUMNS)?;
            let n = for_each(db, |rec| {
                Ok(w.write_record(tabular::organisation_to_row(&rec.org))?)
            })
            .await?;
            w.flush()?;
            Ok(n)
        }
        Format::Json => {
            out.write_all(b"[")?;
            let mut first = true;
            let n = for_each(db, |rec| {
                if !std::mem::take(&mut first) {
                    out.write_all(b",\n")?;
                }
                let mut value = serde_json::to_value(&rec.org)?;
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("id".into(), rec.id.into());
                    obj.insert("version".into(), rec.version.into());
                }
                Ok(serde_json::to_writer(&mut *out, &value)?)
            })
            .await?;
            out.write_all(b"]\n")?;
            Ok(n)
        }
    }
}

/// Calls `f` on every organisation in name order, reading in batches.
async fn for_each(
    db: &Db,
    mut f: impl FnMut(&OrgRecord) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut page = Page {
        sort: Sort::Name,
        after: None,
        limit: BATCH,
    };
    let mut n = 0;
    loop {
        let batch = orgs::list(db, &Filter::default(), &page).await?;
        for rec in &batch {
            f(rec)?;
            n += 1;
        }
        match batch.last() {
            Some(last) if batch.len() as i64 == BATCH => {
                page.after = Some((Sort::Name.key_of(last), last.id))
            }
            _ => return Ok(n),
        }
    }
}
