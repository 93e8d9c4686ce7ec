//! Single stages of the coder, for `cargo bench -p dyad-bench` only: hidden
//! from the documentation, not part of dyad's API, and free to change with
//! the coder. Each runs one stage on one sentence the way `code_document`
//! does, with the stages before it done beforehand. Must not change coding.

use crate::analysis::{self, Sentence};
use crate::discourse::Discourse;
use crate::triggers::{self, Trigger};
use crate::{frames, verb_tokens, Frame, Pipeline};
use dyad_text::{NormText, SentenceSpan};

/// One sentence taken through every stage up to verb patterns: analysed
/// (tokens, word classes, cue phrases, actor mentions), its references
/// resolved, its verb patterns and reporting frames found.
pub struct PreparedSentence<'n> {
    sentence: Sentence<'n>,
    found: Vec<Trigger>,
    verb_tokens: Vec<bool>,
    frames: Vec<Frame>,
}

impl Pipeline {
    /// Sentence analysis alone on the sentence `span` of `norm`: tokens,
    /// word classes, cue phrases and actor mentions. Returns the number of
    /// mentions.
    pub fn bench_analyse(&self, norm: &NormText, span: SentenceSpan) -> usize {
        let mut scratch = Vec::new();
        let case = norm.letter_case();
        analysis::analyse(&self.dict, &self.ids, norm, span, case, None, &mut scratch)
            .mentions
            .len()
    }

    /// Every stage before roles, so that the later stages can be timed alone.
    pub fn bench_prepare<'n>(
        &self,
        norm: &'n NormText,
        span: SentenceSpan,
    ) -> PreparedSentence<'n> {
        let mut scratch = Vec::new();
        let case = norm.letter_case();
        let mut sentence =
            analysis::analyse(&self.dict, &self.ids, norm, span, case, None, &mut scratch);
        self.resolve_mentions(&mut sentence, &mut Discourse::default());
        let found = triggers::find(&self.dict, &sentence);
        let verb_tokens = verb_tokens(&sentence, &found);
        let frames = frames(&sentence, &verb_tokens, &self.ids);
        PreparedSentence {
            sentence,
            found,
            verb_tokens,
            frames,
        }
    }

    /// Verb pattern matching alone on a prepared sentence: the number of
    /// patterns found.
    pub fn bench_verb_patterns(&self, s: &PreparedSentence) -> usize {
        triggers::find(&self.dict, &s.sentence).len()
    }

    /// Source and target finding, attribution, modality and cue composition
    /// on a prepared sentence: the number of events before assembly.
    pub fn bench_roles(&self, s: &PreparedSentence) -> usize {
        let disc = Discourse::default();
        self.code_triggers(&s.sentence, &s.found, &s.verb_tokens, &s.frames, &disc)
            .len()
    }
}
