//! `dyad dict import`: dictionaries in the TABARI/PETRARCH formats written
//! out in dyad's own formats, with a report of what was converted and what
//! was left out.

use anyhow::Context;
use dyad_dict::petrarch;
use dyad_dict::SourceFile;
use std::io::Write;
use std::path::Path;

/// Converts the PETRARCH dictionaries in `dir` and writes them under `out`
/// (a folder laid out like data/). Prints the report to `report`.
pub fn import(dir: &Path, out: &Path, report: &mut dyn Write) -> anyhow::Result<()> {
    let converted = petrarch::import_dir(dir)
        .with_context(|| format!("cannot read PETRARCH dictionaries in {}", dir.display()))?;
    let mut files: Vec<&SourceFile> = converted.actors.iter().collect();
    files.extend(
        [
            &converted.agents,
            &converted.verbs,
            &converted.verb_forms,
            &converted.discards,
            &converted.issues,
        ]
        .into_iter()
        .flatten(),
    );
    for f in files {
        let path = out.join(&f.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &f.text)
            .with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(report, "wrote {}", path.display())?;
    }
    report.write_all(converted.report.summary().as_bytes())?;
    Ok(())
}
