//! `klaster demo`: placeholder until the demo loader lands.

use klaster_store::Db;

pub const DEFAULT_SYNTHETIC: usize = 320;

pub async fn load(_db: &Db, _synthetic: usize) -> anyhow::Result<String> {
    Ok("demo data not yet available".into())
}

pub async fn load_if_empty(db: &Db, synthetic: usize) -> anyhow::Result<()> {
    if klaster_store::organisations::count(db).await? == 0 {
        load(db, synthetic).await?;
    }
    Ok(())
}
