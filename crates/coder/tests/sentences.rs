//! Our own sentences, written in the style of wire reports, one line per
//! construction the coder must read: passives, relative clauses, reported
//! speech, appeals, refusals, negation, coordination, anonymous sources.
//! They run anywhere (no ../shared needed).

mod common;

use common::{doc, find, pipeline, summary, Expect};

fn code(text: &str) -> Vec<dyad_model::Event> {
    pipeline().code_document(&doc("t", text, Some("2024-03-05")))
}

struct Row<'a> {
    text: &'a str,
    expect: Expect<'a>,
}

const ROWS: &[Row] = &[
    // Passive: the agent after "by" acts, the subject suffers.
    Row { text: "Three Colombian soldiers were killed by rebels in an ambush near the Venezuelan border on Sunday, the army said.",
          expect: Expect { event_type: "ASSAULT", trigger: "killed", actor: &["COLREB"], recipient: &["COLMIL"], modality: &[] } },
    // A relative clause takes the antecedent as its subject.
    Row { text: "Iran, which backs the Houthi movement, condemned the air strikes on Sanaa.",
          expect: Expect { event_type: "SUPPORT", trigger: "backs", actor: &["IRN"], recipient: &["YEMREB"], modality: &[] } },
    Row { text: "Iran, which backs the Houthi movement, condemned the air strikes on Sanaa.",
          expect: Expect { event_type: "ACCUSE", trigger: "condemned", actor: &["IRN"], recipient: &[], modality: &[] } },
    // "said it would": the future in reported speech; a promise of cooperation is AGREE.
    Row { text: "The Iraqi government said on Tuesday it would release 200 prisoners next month.",
          expect: Expect { event_type: "AGREE", trigger: "release 200 prisoners", actor: &["IRQGOV"], recipient: &[], modality: &["future", "intent"] } },
    // An appeal: "urged X to" makes X the recipient.
    Row { text: "The European Union urged Serbia to release the detained journalists.",
          expect: Expect { event_type: "REQUEST", trigger: "urged Serbia to release", actor: &["IGOEUREEC"], recipient: &["SRB"], modality: &[] } },
    // A refusal composes with the verb it governs.
    Row { text: "Israel refused to withdraw its troops from the border area.",
          expect: Expect { event_type: "REJECT", trigger: "refused to withdraw", actor: &["ISR"], recipient: &[], modality: &[] } },
    // Negation.
    Row { text: "Police did not arrest the protesters outside parliament.",
          expect: Expect { event_type: "ASSAULT", trigger: "arrest the protesters", actor: &["COP"], recipient: &["OPP"], modality: &["negated"] } },
    // "According to X, Y ..." attributes without making X an actor.
    Row { text: "According to Human Rights Watch, Ethiopian troops killed dozens of civilians in Tigray last year.",
          expect: Expect { event_type: "ASSAULT", trigger: "killed", actor: &["ETHMIL"], recipient: &["ETHCVL"], modality: &[] } },
    // A sentence-initial participle takes the main clause's subject.
    Row { text: "Condemning the attack, the French foreign ministry called for an independent investigation.",
          expect: Expect { event_type: "ACCUSE", trigger: "Condemning", actor: &["FRAGOV"], recipient: &[], modality: &[] } },
    // Coordinated subjects of a reciprocal verb act on each other.
    Row { text: "Japan and South Korea signed a defence pact on Friday.",
          expect: Expect { event_type: "SUPPORT", trigger: "signed", actor: &["JPN", "KOR"], recipient: &["JPN", "KOR"], modality: &[] } },
    Row { text: "The United States imposed new sanctions on Venezuela's state oil company.",
          expect: Expect { event_type: "COERCE", trigger: "imposed new sanctions", actor: &["USA"], recipient: &["VEN"], modality: &[] } },
    Row { text: "Turkish warplanes bombed Kurdish militant positions in northern Iraq, the Turkish military said.",
          expect: Expect { event_type: "ASSAULT", trigger: "bombed", actor: &["TURMIL"], recipient: &[], modality: &[] } },
    // "between X and Y": both are recipients.
    Row { text: "Egypt will host talks between Israel and Hamas next week.",
          expect: Expect { event_type: "AGREE", trigger: "host talks", actor: &["EGY"], recipient: &["ISR", "PSEREBHMS"], modality: &["future", "intent"] } },
    Row { text: "The Sudanese army and the rebels exchanged fire near the airport, residents said.",
          expect: Expect { event_type: "ASSAULT", trigger: "exchanged fire", actor: &["SDNMIL", "SDNREB"], recipient: &[], modality: &[] } },
    // Intent: "ready to meet".
    Row { text: "The president told reporters he was ready to meet the rebel leaders.",
          expect: Expect { event_type: "AGREE", trigger: "ready to meet", actor: &["GOV"], recipient: &["REB"], modality: &["intent"] } },
    Row { text: "China's foreign ministry accused the United States of interfering in its internal affairs.",
          expect: Expect { event_type: "ACCUSE", trigger: "accused", actor: &["CHNGOV"], recipient: &["USA"], modality: &[] } },
    // Oxford comma in a list of subjects.
    Row { text: "The US, Russia, and Switzerland met in Geneva yesterday.",
          expect: Expect { event_type: "CONSULT", trigger: "met", actor: &["USA", "RUS", "CHE"], recipient: &[], modality: &[] } },
    // A reduced passive: "talks hosted by Saudi Arabia".
    Row { text: "The two sides agreed to a truce after talks hosted by Saudi Arabia.",
          expect: Expect { event_type: "CONSULT", trigger: "hosted", actor: &["SAU"], recipient: &[], modality: &[] } },
    // Upper-case wire text codes the same way.
    Row { text: "THE SALVADORAN ARMY ACCUSED THE FMLN OF ATTACKING A POWER STATION IN USULUTAN DEPARTMENT.",
          expect: Expect { event_type: "ACCUSE", trigger: "ACCUSED", actor: &["SLVMIL"], recipient: &["SLVREB"], modality: &[] } },
    // Without an object, the actor in a phrase after the verb is the recipient.
    Row { text: "The Turkish government condemned an attack by Kurdish militants in the southeast on Sunday.",
          expect: Expect { event_type: "ACCUSE", trigger: "condemned", actor: &["TURGOV"], recipient: &["TURUAF"], modality: &[] } },
    // An agent before a list of countries belongs to each.
    Row { text: "Lawmakers in France and Germany welcomed the agreement with Iran.",
          expect: Expect { event_type: "SUPPORT", trigger: "welcomed", actor: &["FRALEG", "DEULEG"], recipient: &["IRN"], modality: &[] } },
    // Adjectives between a coordinator and the actor.
    Row { text: "Russia and the embattled Syrian government rejected the proposal.",
          expect: Expect { event_type: "REJECT", trigger: "rejected the proposal", actor: &["RUS", "SYRGOV"], recipient: &[], modality: &[] } },
    // What a speaker says another must do is a demand, whatever the verb.
    Row { text: "Russia's foreign ministry said on Tuesday that Sudan must give back the helicopter within a week.",
          expect: Expect { event_type: "REQUEST", trigger: "must give", actor: &["RUSGOV"], recipient: &["SDN"], modality: &[] } },
    // Coercion that may come on a condition is a threat.
    Row { text: "The European Union may suspend its aid to Belgrade if the fighting continues, a spokesman said.",
          expect: Expect { event_type: "THREATEN", trigger: "suspend its aid", actor: &["IGOEUREEC"], recipient: &["SRBGOV"], modality: &["conditional", "hypothetical"] } },
    // The subject of "continued to" is the infinitive's.
    Row { text: "The United States continued to send weapons to Taiwan last year, officials said.",
          expect: Expect { event_type: "AID", trigger: "send weapons to", actor: &["USA"], recipient: &["TWN"], modality: &[] } },
    // "is committed to" is a state, not a passive.
    Row { text: "Minister Luis Gomez said Venezuela is committed to dialogue with the opposition.",
          expect: Expect { event_type: "AGREE", trigger: "committed to", actor: &["VEN"], recipient: &["VENOPP"], modality: &["intent"] } },
    // What a statement demands, its author demands.
    Row { text: "The Kurdish party issued a statement demanding that the Turkish government release its leader.",
          expect: Expect { event_type: "REQUEST", trigger: "demanding that", actor: &["TURPTY"], recipient: &["TURGOV"], modality: &[] } },
    // Announcing a boycott of contacts threatens to cut relations.
    Row { text: "Palestinian leaders said they would boycott all contacts with the United States.",
          expect: Expect { event_type: "THREATEN", trigger: "boycott all contacts with", actor: &["PSEGOV"], recipient: &["USA"], modality: &["future"] } },
    // A quantity of a quantity: the students are still the subject.
    Row { text: "Tens of thousands of Chilean students staged demonstrations on Thursday.",
          expect: Expect { event_type: "PROTEST", trigger: "staged demonstrations", actor: &["CHLEDU"], recipient: &[], modality: &[] } },
    // "about" before a number says how many; it governs nothing.
    Row { text: "About 300 Kenyan farmers blocked the main highway outside Nakuru.",
          expect: Expect { event_type: "PROTEST", trigger: "blocked the main highway", actor: &["KENAGR"], recipient: &[], modality: &[] } },
    // An abbreviation in parentheses does not end the subject's noun phrase.
    Row { text: "Dock workers affiliated with the Chilean Port Workers Union (UPCH) stopped work on Tuesday.",
          expect: Expect { event_type: "PROTEST", trigger: "stopped work", actor: &["CHLLAB"], recipient: &[], modality: &[] } },
    // A gap passes over an apposition between commas.
    Row { text: "Ghana forced the UN agency, UNICEF, out of the country.",
          expect: Expect { event_type: "SANCTION", trigger: "forced the UN agency, UNICEF, out of the country", actor: &["GHA"], recipient: &["IGOUNO"], modality: &[] } },
    // British spelling of a regular verb: "cancelled", "travelling".
    Row { text: "Albania cancelled restrictions on foreign journalists.",
          expect: Expect { event_type: "CONCEDE", trigger: "cancelled restrictions on", actor: &["ALB"], recipient: &["ALBMED"], modality: &[] } },
    // Opposing a mediation is rejecting it (CAMEO 126).
    Row { text: "Venezuela is opposed to Brazilian mediation in the border dispute.",
          expect: Expect { event_type: "REJECT", trigger: "opposed to Brazilian mediation", actor: &["VEN"], recipient: &["BRA"], modality: &[] } },
    // Lifting a blockade eases a military blockade (0872), not a protest (082).
    Row { text: "The Turkish navy lifted on Monday a week-old blockade of the port.",
          expect: Expect { event_type: "RETREAT", trigger: "lifted on Monday a week-old blockade", actor: &["TURMIL"], recipient: &[], modality: &[] } },
    // A passive without an agent: the subject is investigated.
    Row { text: "A British journalist has been put under investigation in France over the leak.",
          expect: Expect { event_type: "ACCUSE", trigger: "put under investigation", actor: &[], recipient: &["GBRMED"], modality: &[] } },
    Row { text: "Riot police prevented a rally outside parliament.",
          expect: Expect { event_type: "COERCE", trigger: "prevented a rally", actor: &["COP"], recipient: &[], modality: &[] } },
    // Two armies' war games together are military cooperation (062) when
    // the subject is compound; one army's are a show of force (150).
    Row { text: "Mexican and Canadian warships launched a week of war games in the Pacific.",
          expect: Expect { event_type: "COOPERATE", trigger: "launched a week of war games", actor: &["MEX", "CANMIL"], recipient: &["MEX", "CANMIL"], modality: &[] } },
    Row { text: "The Arab League reiterated its demand on Monday that Israel lift the siege of Gaza.",
          expect: Expect { event_type: "REQUEST", trigger: "reiterated its demand on Monday that", actor: &["IGOMEAARL"], recipient: &["ISR"], modality: &[] } },
    // "must be ready to": the readiness is demanded of the subject.
    Row { text: "The Mexican foreign minister said the United States must be ready to negotiate with Cuba.",
          expect: Expect { event_type: "REQUEST", trigger: "ready to negotiate with", actor: &["MEXGOV"], recipient: &["USA"], modality: &[] } },
    Row { text: "Chinese and American negotiators return to Geneva next week for talks on tariffs.",
          expect: Expect { event_type: "CONSULT", trigger: "return to Geneva next week for talks", actor: &["CHN", "USAGOV"], recipient: &[], modality: &[] } },
    // Two verbs in the past joined by "and" share the subject.
    Row { text: "Volunteers from two Canadian charities packed and personally delivered 40 boxes of goods to the Haitian Red Cross.",
          expect: Expect { event_type: "AID", trigger: "delivered 40 boxes of goods to", actor: &["CANNGO"], recipient: &["NGOHLHIRC"], modality: &[] } },
    // Failing to agree is rejecting (CAMEO codes "fail" 120).
    Row { text: "Armenia and Azerbaijan failed to reach agreement on the border on Friday.",
          expect: Expect { event_type: "REJECT", trigger: "failed to reach agreement", actor: &["ARM", "AZE"], recipient: &[], modality: &[] } },
    // "<title> <name> of <country>" is one person of that country's
    // government, and "he" refers to that person.
    Row { text: "Prime Minister Jonas Kalnins of Latvia said he was ready to meet Russian officials.",
          expect: Expect { event_type: "AGREE", trigger: "ready to meet", actor: &["LVAGOV"], recipient: &["RUSGOV"], modality: &["intent"] } },
    // "were engaged in": the subject takes part; it is no passive.
    Row { text: "Rebel fighters were engaged in heavy fighting with government troops near Idlib.",
          expect: Expect { event_type: "ASSAULT", trigger: "engaged in heavy fighting", actor: &["REB"], recipient: &["MIL"], modality: &[] } },
    // Died of torture: the one who died is the victim.
    Row { text: "A detained journalist died as a result of torture in police custody, his family said.",
          expect: Expect { event_type: "ASSAULT", trigger: "died as a result of torture", actor: &[], recipient: &["MED"], modality: &[] } },
    // An ethnic group living in another country: that country's civilians.
    Row { text: "About 300 ethnic Hungarians rallied on Sunday in Slovakia against the new language law.",
          expect: Expect { event_type: "PROTEST", trigger: "rallied on Sunday in Slovakia against the new language law", actor: &["SVKCVL"], recipient: &["SVK"], modality: &[] } },
    Row { text: "The Serbs of northern Kosovo are demanding autonomy from the Kosovo government.",
          expect: Expect { event_type: "REQUEST", trigger: "demanding autonomy", actor: &["XKXCVL"], recipient: &["XKXGOV"], modality: &[] } },
];

#[test]
fn own_sentences_code_as_an_analyst_would() {
    for row in ROWS {
        let events = code(row.text);
        let e = find(&events, &row.expect);
        assert!(!e.rule.is_empty() && e.confidence > 0.0, "{}", summary(e));
    }
}

#[test]
fn anonymous_and_named_sources_are_told_apart() {
    let cases: &[(&str, &str, &str, bool)] = &[
        ("A senior Pakistani official, who spoke on condition of anonymity, said militants attacked a police station overnight.",
         "attacked", "A senior Pakistani official", true),
        ("The Sudanese army and the rebels exchanged fire near the airport, residents said.", "exchanged fire", "residents", true),
        ("According to Human Rights Watch, Ethiopian troops killed dozens of civilians in Tigray last year.", "killed", "Human Rights Watch", false),
        ("Gunmen kidnapped two engineers in Kabul on Monday, a police spokesman, Ahmed Khan, said.", "kidnapped", "police spokesman", false),
    ];
    for &(text, trigger, speaker, anonymous) in cases {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.trigger.text.contains(trigger))
            .unwrap_or_else(|| panic!("no {trigger:?} in {text}"));
        let a = e
            .attribution
            .as_ref()
            .unwrap_or_else(|| panic!("{trigger}: no attribution"));
        assert!(
            a.speaker_text.contains(speaker),
            "{trigger}: speaker {:?}",
            a.speaker_text
        );
        assert_eq!(
            a.anonymous, anonymous,
            "{trigger}: anonymous for {:?}",
            a.speaker_text
        );
    }
}

#[test]
fn the_main_clause_event_ranks_first() {
    // A participle after a comma, a relative clause and a clause opened by
    // "since" or "after" tell how, about whom or after what, and a refusal
    // says what did not happen; the main clause's event is the most
    // confident.
    let cases = [
        ("Inmates rioted at a prison outside Lima on Sunday, setting fire to mattresses and smashing doors.", "rioted"),
        ("Greek police arrested two men who had attacked a migrant centre near Athens.", "arrested"),
        ("Ethiopia protested on Monday since the Eritrean army and its allied militias shelled the town of Zalambessa.", "protested"),
        // What a refusal governs, when the two did not compose, is not the event.
        ("The rebel command refused to allow Red Cross planes to land and evacuate the wounded soldiers.", "refused"),
    ];
    for (text, trigger) in cases {
        let events = code(text);
        let top = events
            .iter()
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
            .unwrap_or_else(|| panic!("{text:?} coded nothing"));
        assert!(
            events.len() >= 2 && top.trigger.text.starts_with(trigger),
            "{text:?}:\n{}",
            events.iter().map(summary).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn words_that_only_look_like_events_code_nothing() {
    let quiet = [
        "The detained journalists were in good health, their lawyer said.",
        "It was the rebels' biggest defeat of the war.",
        "The company released its quarterly figures on Monday.",
        // "must have" guesses; it demands nothing.
        "The interior minister said the bombing must have been planned for months.",
        "",
        "   ",
    ];
    for text in quiet {
        let events = code(text);
        assert!(
            events.is_empty(),
            "{text:?} coded:\n{}",
            events.iter().map(summary).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn pronouns_refer_to_the_actors_named_before() {
    let events = code("Kenya and Uganda signed a border agreement on Monday. They also agreed to release 40 prisoners.");
    let e = find(
        &events,
        &Expect {
            event_type: "AGREE",
            trigger: "release",
            actor: &["KEN", "UGA"],
            recipient: &[],
            modality: &["intent"],
        },
    );
    assert!(
        e.actor.iter().all(|a| a.entity_text == "They"),
        "the actor's words are the pronoun"
    );
}

#[test]
fn explain_shows_dictionary_entries_patterns_and_roles() {
    let text = pipeline().explain("Syrian rebels accused Russia of bombing hospitals.", None);
    for needle in [
        "tokens:",
        "\"Syrian rebels\" -> SYRREB",
        "verbs.txt:",
        "~accuse",
        "actor: subject",
        "ACCUSE 1123 SYRREB -> RUS",
    ] {
        assert!(text.contains(needle), "explain lacks {needle:?}:\n{text}");
    }
}
