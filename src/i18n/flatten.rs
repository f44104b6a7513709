//! A message catalogue's tables flattened into `(id, template)` pairs,
//! sorted by id. Shared by `build.rs`, which writes the pairs as Rust data
//! so a run parses no TOML for its messages, and by the catalogue's tests.

/// The pairs of `table`, its nested tables' ids joined with dots; an error
/// names a value that is neither a table nor a string.
pub(crate) fn flatten(table: &toml::Table) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    flatten_into("", table, &mut pairs)?;
    pairs.sort();
    Ok(pairs)
}

fn flatten_into(
    prefix: &str,
    table: &toml::Table,
    into: &mut Vec<(String, String)>,
) -> Result<(), String> {
    for (key, value) in table {
        let id = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten_into(&id, inner, into)?,
            toml::Value::String(text) => into.push((id, text.clone())),
            _ => return Err(id),
        }
    }
    Ok(())
}
