//! `klaster`: the one binary of the Klaster platform.

mod analyze;
mod config;
mod demo;
mod export;
mod import;
mod tabular;

use anyhow::Context;
use clap::{Parser, Subcommand};
use klaster_store::Db;

use config::{Config, GlobalArgs};

#[derive(Parser)]
#[command(
    name = "klaster",
    version,
    about = "Klaster: a platform for developing industrial clusters"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (HTML pages and the JSON API under /api/v1).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "KLASTER_BIND")]
        bind: Option<String>,
        /// Load the demo data first if the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations and exit.
    Migrate,
    /// Rebuild this process's search index from the database.
    Reindex,
    /// Load the demo data (real Podlaskie cluster facts plus seeded synthetic firms).
    Demo {
        /// How many synthetic firms to add around the real organisations.
        #[arg(long, default_value_t = demo::DEFAULT_SYNTHETIC)]
        synthetic: usize,
    },
    /// Import organisations from CSV or XLSX (all-or-nothing; re-import matches legal ids).
    Import(import::ImportArgs),
    /// Export organisations as CSV or JSON.
    Export(export::ExportArgs),
    /// Cluster identification and competitiveness analytics (no database needed).
    #[command(subcommand)]
    Analyze(Box<analyze::AnalyzeCmd>),
    /// Users of the platform.
    #[command(subcommand)]
    User(UserCmd),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCmd),
}

#[derive(Subcommand)]
enum UserCmd {
    /// Create a user (e.g. the first administrator).
    Create {
        #[arg(long)]
        email: String,
        /// admin, coordinator, org_member, translator
        #[arg(long, default_value = "admin")]
        role: String,
        /// The cluster of a coordinator or the organisation of a member.
        #[arg(long)]
        scope_id: Option<i64>,
        /// Password (else read from KLASTER_PASSWORD; users without one sign in with tokens only).
        #[arg(long, env = "KLASTER_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCmd {
    /// Create an API token for a user; the secret is printed once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// Revoke a token by its id.
    Revoke { id: i64 },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::Analyze(cmd) = cli.command {
        // Pure computation: no database, no runtime.
        return analyze::run(*cmd);
    }
    // A demo without SMTP writes its mails' text to the log (debug level of the log mailer), so
    // the links in them — confirming an address, setting a password — can be followed.
    let demo = matches!(cli.command, Command::Serve { demo: true, .. });
    let default_filter = if demo {
        "info,sqlx=warn,klaster_notify=debug"
    } else {
        "info,sqlx=warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KLASTER_LOG")
                .unwrap_or_else(|_| default_filter.into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = Config::load(&cli.global)?;
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(cli.command, config))
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(config.database_url.as_deref(), &config.data_dir)
        .await
        .context("opening the database")?;
    db.migrate().await.context("applying migrations")?;
    Ok(db)
}

/// The search index of this process: derived, in the data directory, rebuilt by `reindex`.
fn open_index(config: &Config) -> anyhow::Result<klaster_search::SearchIndex> {
    let dir = config.data_dir.join("index");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    klaster_search::SearchIndex::open_or_create(&dir).context("opening the search index")
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    let db = open(&config).await?;
    match command {
        Command::Serve {
            bind,
            demo: with_demo,
        } => {
            if with_demo {
                demo::load_if_empty(&db, demo::DEFAULT_SYNTHETIC).await?;
            }
            let bind = bind
                .or(config.bind.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            let listener = tokio::net::TcpListener::bind(&bind)
                .await
                .with_context(|| format!("binding {bind}"))?;
            tracing::info!("listening on http://{}", listener.local_addr()?);
            let memory = klaster_web::load_memory(&db).await?;
            let engine = klaster_translate::Engine::from_config(&config.translate, memory.clone())
                .context("the translation engine")?;
            let mailer = klaster_notify::AnyMailer::from_config(config.mail.as_ref())
                .context("the [mail] configuration")?;
            let index = std::sync::Arc::new(open_index(&config)?);
            let worker = klaster_web::worker::Worker::new(
                db.clone(),
                std::sync::Arc::new(engine),
                config.languages.clone(),
            )
            .with_mail(std::sync::Arc::new(mailer), config.settings.site.clone())
            .with_index(index.clone());
            tokio::spawn(worker.run());
            tokio::spawn(klaster_web::keep_in_sync(index.clone(), db.clone()));
            klaster_web::serve(
                listener,
                klaster_web::AppState::with_memory(db.clone(), memory)
                    .with_index(index)
                    .with_settings(config.settings.clone()),
            )
            .await?;
        }
        Command::Migrate => println!("migrations applied"),
        Command::Reindex => {
            let index = open_index(&config)?;
            index.rebuild()?;
            let started = std::time::Instant::now();
            let n = klaster_web::sync(&index, &db).await?;
            println!(
                "index rebuilt from {n} changes in {:.1} s ({} documents)",
                started.elapsed().as_secs_f64(),
                index.num_docs()
            );
        }
        Command::Demo { synthetic } => {
            let report = demo::load(&db, synthetic).await?;
            println!("{report}");
        }
        Command::Import(args) => import::run(&db, args).await?,
        Command::Export(args) => export::run(&db, args).await?,
        Command::User(UserCmd::Create {
            email,
            role,
            scope_id,
            password,
        }) => {
            klaster_store::auth::check_role(&role, scope_id).map_err(anyhow::Error::msg)?;
            let user =
                klaster_store::auth::create_user(&db, &email, password.as_deref(), &role, scope_id)
                    .await?;
            println!(
                "created user {} ({}) with id {}",
                user.email, user.role, user.id
            );
        }
        Command::Token(TokenCmd::Create { email, name }) => {
            let user = klaster_store::auth::user_by_email(&db, &email)
                .await
                .with_context(|| format!("no user {email}"))?;
            let (id, secret) = klaster_store::auth::create_token(&db, user.id, &name).await?;
            println!("token {id} for {}: {secret}", user.email);
            eprintln!("keep it safe: it is not shown again");
        }
        Command::Analyze(_) => unreachable!("handled before the runtime starts"),
        Command::Token(TokenCmd::Revoke { id }) => {
            klaster_store::auth::revoke_token(&db, id).await?;
            println!("token {id} revoked");
        }
    }
    db.close().await;
    Ok(())
}
