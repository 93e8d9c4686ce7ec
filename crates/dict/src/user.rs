//! User dictionaries: a folder with any subset of the `data/` files, or a
//! single actors-format file, whose entries extend the dictionaries in use
//! and win every tie against them, without editing the shipped files.
//!
//! Precedence, file by file (see data/README.md, "User dictionaries"):
//! user actor phrases are matched before every shipped actor and agent
//! phrase; user agents before shipped agents; user verb patterns are tried
//! before shipped ones (equal matches go to the user's) and may use the
//! shipped word sets; user cue words add to the shipped sections and user
//! `[compose]` lines come first; user `verb_forms.txt` lines and `cameo.tsv`
//! rows replace the shipped ones for the same verb or code.

use crate::source::SourceFile;
use crate::{DictError, Dictionaries, Origin, Sources};
use std::path::Path;

impl Sources {
    /// Reads a user dictionary: a folder laid out like `data/` (any subset
    /// of its files) or one actors-format file. File names in errors and
    /// `file:line` origins are the paths as given, so that they point at the
    /// user's files rather than at the shipped ones.
    pub fn user(path: &Path) -> Result<Sources, DictError> {
        if path.is_dir() {
            let mut sources = Sources::from_dir(path)?;
            let rename = |f: &mut SourceFile| f.name = path.join(&f.name).display().to_string();
            sources.actors.iter_mut().for_each(rename);
            sources.extra_verbs.iter_mut().for_each(rename);
            for f in [
                &mut sources.agents,
                &mut sources.verbs,
                &mut sources.verb_forms,
                &mut sources.cues,
                &mut sources.cameo,
            ]
            .into_iter()
            .flatten()
            {
                rename(f);
            }
            return Ok(sources);
        }
        let text = std::fs::read_to_string(path).map_err(|source| DictError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Sources {
            actors: vec![SourceFile {
                name: path.display().to_string(),
                text,
            }],
            ..Sources::default()
        })
    }
}

/// Two files read as one, with a map from a line of the joined text back
/// to the file and line it came from.
struct Joined {
    file: SourceFile,
    first: String,
    first_lines: usize,
    second: String,
}

impl Joined {
    /// `first`'s lines, then `second`'s. With `skip_header`, `second`'s
    /// first line is blanked (a table's header row), keeping line numbers.
    fn new(first: &SourceFile, second: &SourceFile, skip_header: bool) -> Joined {
        let mut text = first.text.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        let first_lines = text.lines().count();
        match second.text.split_once('\n') {
            Some((_, rest)) if skip_header => {
                text.push('\n');
                text.push_str(rest);
            }
            _ => text.push_str(&second.text),
        }
        Joined {
            file: SourceFile {
                name: first.name.clone(),
                text,
            },
            first: first.name.clone(),
            first_lines,
            second: second.name.clone(),
        }
    }

    /// The file and line a line of the joined text came from.
    fn fix(&self, file: &mut String, line: &mut usize) {
        if *file == self.first && *line > self.first_lines {
            *file = self.second.clone();
            *line -= self.first_lines;
        }
    }

    fn fix_origin(&self, o: &mut Origin) {
        if *o.file == *self.first && o.line > self.first_lines {
            o.file = self.second.as_str().into();
            o.line -= self.first_lines;
        }
    }
}

/// Joins a shipped and a user file of the same role; `user_first` when the
/// user's lines must come first to win ties.
fn join(
    shipped: &Option<SourceFile>,
    user: &Option<SourceFile>,
    user_first: bool,
    skip_header: bool,
) -> (Option<SourceFile>, Option<Joined>) {
    match (shipped, user) {
        (Some(s), Some(u)) => {
            let j = if user_first {
                Joined::new(u, s, skip_header)
            } else {
                Joined::new(s, u, skip_header)
            };
            (Some(j.file.clone()), Some(j))
        }
        (s, u) => (u.clone().or_else(|| s.clone()), None),
    }
}

impl Dictionaries {
    /// Compiles `base` extended by the user dictionary `user`, whose
    /// entries win ties (see the module documentation). Every `file:line`,
    /// in errors and in compiled entries, names the file it was written in.
    pub fn compile_with_user(base: &Sources, user: &Sources) -> Result<Dictionaries, DictError> {
        // User patterns are read after the shipped ones (to see their word
        // sets): without a block header of its own, a pattern would fall
        // into the shipped file's last block.
        if let Some(f) = &user.verbs {
            let first = crate::source::lines(&f.text).find(|(_, t)| !t.trim().starts_with('&'));
            if let Some((line, text)) = first.filter(|(_, t)| !t.trim().starts_with("##")) {
                return Err(DictError::Syntax {
                    path: f.name.clone(),
                    line,
                    message: format!("pattern {:?} before the first `## CODE` block", text.trim()),
                });
            }
        }
        let mut actors = user.actors.clone();
        actors.extend(base.actors.iter().cloned());
        let (agents, agents_j) = join(&base.agents, &user.agents, true, false);
        let (verbs, verbs_j) = join(&base.verbs, &user.verbs, false, false);
        let (verb_forms, forms_j) = join(&base.verb_forms, &user.verb_forms, false, false);
        let (cues, cues_j) = join(&base.cues, &user.cues, true, false);
        let (cameo, cameo_j) = join(&base.cameo, &user.cameo, false, true);
        let (discards, discards_j) = join(&base.discards, &user.discards, true, false);
        let (issues, issues_j) = join(&base.issues, &user.issues, true, false);
        let joined: Vec<Joined> = [
            agents_j, verbs_j, forms_j, cues_j, cameo_j, discards_j, issues_j,
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut extra_verbs = base.extra_verbs.clone();
        extra_verbs.extend(user.extra_verbs.iter().cloned());
        let merged = Sources {
            actors,
            agents,
            verbs,
            extra_verbs,
            verb_forms,
            cues,
            cameo,
            discards,
            issues,
            foreign_codes: base.foreign_codes || user.foreign_codes,
        };
        let fix_error = |mut e: DictError| {
            if let DictError::Syntax { path, line, .. } = &mut e {
                joined.iter().for_each(|j| j.fix(path, line));
            }
            e
        };
        let mut dict = Dictionaries::compile(&merged).map_err(fix_error)?;
        for j in &joined {
            dict.actors
                .entries
                .iter_mut()
                .for_each(|e| j.fix_origin(&mut e.origin));
            dict.actors
                .phrases
                .iter_mut()
                .for_each(|p| j.fix_origin(&mut p.origin));
            dict.actors
                .shadowed
                .iter_mut()
                .for_each(|(p, _)| j.fix_origin(&mut p.origin));
            dict.verbs
                .patterns
                .iter_mut()
                .for_each(|p| j.fix_origin(&mut p.origin));
            dict.cues
                .compose
                .iter_mut()
                .for_each(|r| j.fix_origin(&mut r.origin));
        }
        if let Some(user_verbs) = &user.verbs {
            // The user's patterns go first, so that they win equal matches.
            let (mut mine, theirs): (Vec<_>, Vec<_>) = std::mem::take(&mut dict.verbs.patterns)
                .into_iter()
                .partition(|p| *p.origin.file == *user_verbs.name);
            mine.extend(theirs);
            dict.verbs.patterns = mine;
            dict.verbs.index();
        }
        Ok(dict)
    }
}
