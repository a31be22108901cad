//! Configuration: flags, then `KLASTER_*` environment variables, then an optional TOML file.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

#[derive(clap::Args, Debug, Clone)]
pub struct GlobalArgs {
    /// Directory for the SQLite database, the search index and attachments.
    #[arg(long, global = true, env = "KLASTER_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// postgres://user@host/db for PostgreSQL; default: SQLite in the data directory.
    #[arg(long, global = true, env = "KLASTER_DATABASE_URL")]
    pub database_url: Option<String>,
    /// A TOML file with `data_dir`, `database_url`, `bind` (default: klaster.toml in the data directory, if present).
    #[arg(long, global = true, env = "KLASTER_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    bind: Option<String>,
    /// The portal's working languages, e.g. "pl,en,de,ru" (default: all eleven).
    languages: Option<String>,
    /// The translation engine: `[translate]` with `engine = "builtin" | "libretranslate" | "deepl"`.
    translate: Option<klaster_translate::EngineConfig>,
    /// Outgoing mail: `[mail]` with `host`, `port`, `from_address`, `tls`... (none: mails are
    /// only logged).
    mail: Option<klaster_notify::SmtpConfig>,
    /// The portal's public address, for links in mails and feeds.
    base_url: Option<String>,
    site_name: Option<String>,
    /// Where attachments are kept: "database" (default) or "directory" (under the data directory).
    attachments: Option<String>,
    /// Largest attachment in megabytes (default 10).
    max_attachment_mb: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
    pub bind: Option<String>,
    pub languages: Vec<klaster_translate::Lang>,
    pub translate: klaster_translate::EngineConfig,
    pub mail: Option<klaster_notify::SmtpConfig>,
    pub settings: klaster_web::Settings,
}

impl Config {
    pub fn load(args: &GlobalArgs) -> anyhow::Result<Config> {
        let default_dir = PathBuf::from("data");
        let file_path = match &args.config {
            Some(p) => Some(p.clone()),
            None => {
                let p = args
                    .data_dir
                    .as_deref()
                    .unwrap_or(&default_dir)
                    .join("klaster.toml");
                p.exists().then_some(p)
            }
        };
        let file = match file_path {
            Some(p) => read_file(&p)?,
            None => FileConfig::default(),
        };
        let languages = match std::env::var("KLASTER_LANGUAGES").ok().or(file.languages) {
            Some(list) => {
                klaster_translate::lang::parse_list(&list).context("the working languages")?
            }
            None => klaster_translate::Lang::ALL.to_vec(),
        };
        let data_dir = args
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or(default_dir);
        let defaults = klaster_web::Settings::default();
        let settings = klaster_web::Settings {
            site: klaster_notify::Site::new(
                file.site_name.unwrap_or(defaults.site.name),
                std::env::var("KLASTER_BASE_URL")
                    .ok()
                    .or(file.base_url)
                    .unwrap_or(defaults.site.base_url),
            ),
            attachments: match file.attachments.as_deref() {
                None | Some("database") => klaster_store::attachments::Storage::Database,
                Some("directory") => {
                    klaster_store::attachments::Storage::Directory(data_dir.join("attachments"))
                }
                Some(other) => {
                    anyhow::bail!("attachments = \"{other}\": use \"database\" or \"directory\"")
                }
            },
            max_attachment_bytes: file
                .max_attachment_mb
                .map_or(defaults.max_attachment_bytes, |mb| mb * 1024 * 1024)
                .min(klaster_web::api::MAX_REQUEST_BYTES),
        };
        Ok(Config {
            data_dir,
            database_url: args.database_url.clone().or(file.database_url),
            bind: file.bind,
            languages,
            translate: file.translate.unwrap_or_default(),
            mail: file.mail,
            settings,
        })
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}
