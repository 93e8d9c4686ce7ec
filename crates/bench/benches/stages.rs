//! One benchmark per coding stage, on the first 200 MUC-3/4 documents, so a
//! regression in one stage shows apart from the rest:
//! `cargo bench -p dyad-bench` (or `-- coder` for one group). Throughput is
//! reported in sentences (or bytes for normalisation); inputs of each stage
//! are prepared outside the timed loop.

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use dyad_coder::Pipeline;
use dyad_model::Document;
use dyad_text::{NormText, SentenceSpan, Tokens};
use std::sync::OnceLock;

/// The allocator of the `dyad` binary, so allocation costs what it costs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The documents, normalised, with their sentences and tokens.
struct Input {
    documents: Vec<Document>,
    norms: Vec<NormText>,
    /// (document, sentence span, tokens) for every sentence.
    sentences: Vec<(usize, SentenceSpan, Tokens)>,
}

fn input() -> &'static Input {
    static INPUT: OnceLock<Input> = OnceLock::new();
    INPUT.get_or_init(|| {
        let documents = dyad_bench::documents();
        let norms: Vec<NormText> = documents.iter().map(|d| NormText::new(&d.text)).collect();
        let sentences = norms
            .iter()
            .enumerate()
            .flat_map(|(d, norm)| {
                dyad_text::split_sentences(norm)
                    .into_iter()
                    .map(move |span| (d, span, dyad_text::tokenize(norm, span)))
            })
            .collect();
        Input {
            documents,
            norms,
            sentences,
        }
    })
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builtin().expect("the shipped dictionaries load"))
}

fn sentence_count() -> ItemsCount {
    ItemsCount::new(input().sentences.len())
}

mod text {
    use super::*;

    #[divan::bench(sample_count = 20)]
    fn normalise(bencher: Bencher) {
        let docs = &input().documents;
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            docs.iter()
                .map(|d| NormText::new(&d.text).text.len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 20)]
    fn split_and_tokenise(bencher: Bencher) {
        let norms = &input().norms;
        bencher.counter(sentence_count()).bench(|| {
            let mut tokens = 0;
            for norm in norms {
                for span in dyad_text::split_sentences(norm) {
                    tokens += dyad_text::tokenize(norm, span).tokens.len();
                }
            }
            tokens
        });
    }
}

mod dict {
    use super::*;

    /// The actor dictionary's phrase matcher on every tokenised sentence.
    #[divan::bench(sample_count = 20)]
    fn actor_match(bencher: Bencher) {
        let matcher = &pipeline().dictionaries().actors.matcher;
        let sentences = &input().sentences;
        bencher.counter(sentence_count()).bench(|| {
            let mut found = Vec::new();
            let mut n = 0;
            for (_, _, tokens) in sentences {
                matcher.find_all(tokens, &mut found);
                n += found.len();
            }
            n
        });
    }
}

mod coder {
    use super::*;
    use dyad_coder::stages::PreparedSentence;

    fn prepared() -> Vec<PreparedSentence<'static>> {
        let input = input();
        input
            .sentences
            .iter()
            .map(|(d, span, _)| pipeline().bench_prepare(&input.norms[*d], *span))
            .collect()
    }

    /// Tokens, word classes, cue phrases and actor mentions.
    #[divan::bench(sample_count = 20)]
    fn analyse(bencher: Bencher) {
        let input = input();
        bencher.counter(sentence_count()).bench(|| {
            input
                .sentences
                .iter()
                .map(|(d, span, _)| pipeline().bench_analyse(&input.norms[*d], *span))
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 20)]
    fn verb_patterns(bencher: Bencher) {
        let prepared = prepared();
        bencher.counter(sentence_count()).bench(|| {
            prepared
                .iter()
                .map(|s| pipeline().bench_verb_patterns(s))
                .sum::<usize>()
        });
    }

    /// Source and target, attribution, modality, cue composition.
    #[divan::bench(sample_count = 20)]
    fn roles(bencher: Bencher) {
        let prepared = prepared();
        bencher.counter(sentence_count()).bench(|| {
            prepared
                .iter()
                .map(|s| pipeline().bench_roles(s))
                .sum::<usize>()
        });
    }

    /// Everything `dyad code` does to a document, without reading or writing.
    #[divan::bench(sample_count = 10)]
    fn whole_pipeline(bencher: Bencher) {
        let docs = &input().documents;
        bencher.counter(sentence_count()).bench(|| {
            docs.iter()
                .map(|d| pipeline().code_document(black_box(d)).len())
                .sum::<usize>()
        });
    }
}

mod dates {
    use super::*;

    /// Finding every time expression in each document and resolving it
    /// against the publication date.
    #[divan::bench(sample_count = 20)]
    fn find_and_resolve(bencher: Bencher) {
        let input = input();
        bencher.counter(sentence_count()).bench(|| {
            let mut resolved = 0;
            for (doc, norm) in input.documents.iter().zip(&input.norms) {
                for e in dyad_dates::find(&norm.text) {
                    resolved +=
                        usize::from(e.resolve(doc.published, dyad_dates::Tense::Past).is_some());
                }
            }
            resolved
        });
    }
}

mod places {
    use super::*;
    use dyad_places::CountryContext;

    /// Place mentions in every tokenised sentence, each resolved without
    /// document context.
    #[divan::bench(sample_count = 20)]
    fn mentions_and_resolve(bencher: Bencher) {
        let places = pipeline()
            .places()
            .expect("the builtin pipeline has a gazetteer");
        let input = input();
        let context = CountryContext::default();
        bencher.counter(sentence_count()).bench(|| {
            let mut resolved = 0;
            for (d, _, tokens) in &input.sentences {
                let case = input.norms[*d].letter_case();
                for m in places.find(tokens, case) {
                    resolved += usize::from(places.resolve(&m, &context).is_some());
                }
            }
            resolved
        });
    }
}
