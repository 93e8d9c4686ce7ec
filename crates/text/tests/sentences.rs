//! Sentence splitting: one table row per document, in our own words in the
//! style of wire reports, then the seed article and MUC and India Police
//! Events documents read from `../shared`.

mod common;

use common::{load, load_doc, sentence_texts};
use dyad_text::NormText;

fn assert_splits(table: &[(&str, &[&str])]) {
    for (text, expected) in table {
        let found = sentence_texts(&NormText::new(text));
        assert_eq!(found, *expected, "text {text:?}");
    }
}

#[test]
fn abbreviations_do_not_end_sentences() {
    assert_splits(&[
        (
            "Mr. Smith met Gen. Lee in Washington. They discussed U.S. military aid.",
            &["Mr. Smith met Gen. Lee in Washington.", "They discussed U.S. military aid."],
        ),
        (
            "Col. Ortiz, Lt. Ramos and Sgt. Vega were hurt. Dr. Mendez, Prof. Alvarez and Rev. Cruz prayed.",
            &["Col. Ortiz, Lt. Ramos and Sgt. Vega were hurt.", "Dr. Mendez, Prof. Alvarez and Rev. Cruz prayed."],
        ),
        (
            "Gov. Hale and Sen. Pryor spoke with Rep. Diaz and Pres. Moreno. Mrs. Hale, Capt. Ruiz, Maj. Soto and Adm. Lowe listened.",
            &[
                "Gov. Hale and Sen. Pryor spoke with Rep. Diaz and Pres. Moreno.",
                "Mrs. Hale, Capt. Ruiz, Maj. Soto and Adm. Lowe listened.",
            ],
        ),
        (
            "The attack on St. Mary's church came on Feb. 12 near the border. No. 4 Battalion was hit.",
            &["The attack on St. Mary's church came on Feb. 12 near the border.", "No. 4 Battalion was hit."],
        ),
        (
            "The talks begin on Jan. 5 and end in Sept. 1990 at the latest. Aug. 3 is a holiday.",
            &["The talks begin on Jan. 5 and end in Sept. 1990 at the latest.", "Aug. 3 is a holiday."],
        ),
        (
            "Former President George W. Bush spoke. He said John F. Kennedy Jr. was a friend.",
            &["Former President George W. Bush spoke.", "He said John F. Kennedy Jr. was a friend."],
        ),
        (
            "The U.N. envoy and E.U. and U.K. officials arrived in the U.S. The talks begin on Monday.",
            &["The U.N. envoy and E.U. and U.K. officials arrived in the U.S.", "The talks begin on Monday."],
        ),
        (
            "Acme Corp. said profits fell, and Widget Co. and Gadget Inc. agreed. The firm, Ortiz Ltd., denied it.",
            &[
                "Acme Corp. said profits fell, and Widget Co. and Gadget Inc. agreed.",
                "The firm, Ortiz Ltd., denied it.",
            ],
        ),
        (
            "Rebels seized rifles, mortars, etc. and fled. It was Smith vs. Jones again.",
            &["Rebels seized rifles, mortars, etc. and fled.", "It was Smith vs. Jones again."],
        ),
        (
            "The blast hit at 9 a.m. local time. Police arrived at 10 a.m. The road was closed by 4 p.m. on Sunday.",
            &["The blast hit at 9 a.m. local time.", "Police arrived at 10 a.m.", "The road was closed by 4 p.m. on Sunday."],
        ),
        (
            "Inflation rose 3.5 percent in March. Fuel prices rose 12.25 percent.",
            &["Inflation rose 3.5 percent in March.", "Fuel prices rose 12.25 percent."],
        ),
        (
            "The pro-U.S. faction walked out. Its leader left.",
            &["The pro-U.S. faction walked out.", "Its leader left."],
        ),
    ]);
}

#[test]
fn quotes_and_ellipses() {
    assert_splits(&[
        (
            "\u{201c}It seems Russian pressure is of no benefit,\u{201d} the official said. Talks resumed.",
            &["\"It seems Russian pressure is of no benefit,\" the official said.", "Talks resumed."],
        ),
        ("\"It seems...,\" the official said.", &["\"It seems...,\" the official said."]),
        (
            "\"We will not attend.\" The statement was signed by six rebel groups.",
            &["\"We will not attend.\"", "The statement was signed by six rebel groups."],
        ),
        (
            "\"Why now?\" he asked. Nobody answered. \"Enough!\" Officials left.",
            &["\"Why now?\" he asked.", "Nobody answered.", "\"Enough!\"", "Officials left."],
        ),
        (
            "The talks were delayed... Diplomats blamed the weather. It was... unclear.",
            &["The talks were delayed...", "Diplomats blamed the weather.", "It was... unclear."],
        ),
        (
            "He said the town (north of Aleppo) fell. (The army denied it.) Shelling went on.",
            &["He said the town (north of Aleppo) fell.", "(The army denied it.)", "Shelling went on."],
        ),
    ]);
}

#[test]
fn line_and_paragraph_breaks() {
    assert_splits(&[
        (
            "Geneva Talks\n\nThe envoy sent invitations on Monday.",
            &["Geneva Talks", "The envoy sent invitations on Monday."],
        ),
        (
            "Talks collapsed on Monday.\n\nREAD MORE: Russia, Turkey discuss ceasefire\n\nThe envoy left.",
            &["Talks collapsed on Monday.", "READ MORE: Russia, Turkey discuss ceasefire", "The envoy left."],
        ),
        (
            "A fighter stands near a truck in al-Bab\nRebels say Russia failed to act [Jane Roe/Reuters]\n\nThe talks are off.",
            &["A fighter stands near a truck in al-Bab", "Rebels say Russia failed to act", "The talks are off."],
        ),
        (
            "Troops hold the bridge [AP Photo]\nMilitia fighters fled [Anadolu]\nThe toll rose [FMLN]\n",
            &["Troops hold the bridge", "Militia fighters fled", "The toll rose [FMLN]"],
        ),
        (
            "Police sources said that unidentified gunmen attacked a\npatrol in the northern district on Tuesday. The patrol\nreturned fire and the attackers fled towards the river,\naccording to a statement issued by the regional command.\n",
            &[
                "Police sources said that unidentified gunmen attacked a\npatrol in the northern district on Tuesday.",
                "The patrol\nreturned fire and the attackers fled towards the river,\naccording to a statement issued by the regional command.",
            ],
        ),
        (
            "THE ARMY REPORTED THAT 50 PEASANTS WERE KIDNAPPED BY TERRORISTS OF\nTHE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]\nIN SAN MIGUEL DEPARTMENT.  THE SOURCE ADDED THAT THE TERRORISTS\nFORCED THE INDIVIDUALS OUT OF THEIR HOMES.",
            &[
                "THE ARMY REPORTED THAT 50 PEASANTS WERE KIDNAPPED BY TERRORISTS OF\nTHE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]\nIN SAN MIGUEL DEPARTMENT.",
                "THE SOURCE ADDED THAT THE TERRORISTS\nFORCED THE INDIVIDUALS OUT OF THEIR HOMES.",
            ],
        ),
        (
            "The curfew was lifted in the old city on Friday and\nresidents returned to the market.",
            &["The curfew was lifted in the old city on Friday and\nresidents returned to the market."],
        ),
    ]);
}

#[test]
fn upper_case_wire_text() {
    assert_splits(&[
        (
            "THE ARMY REPORTED THAT 5 REBELS DIED. ACCORDING TO THE REPORT, MR. LOPEZ WAS WOUNDED. GEN. RAMOS ARRIVED IN THE U.S. TODAY. THE U.S. EMBASSY SAID NOTHING.",
            &[
                "THE ARMY REPORTED THAT 5 REBELS DIED.",
                "ACCORDING TO THE REPORT, MR. LOPEZ WAS WOUNDED.",
                "GEN. RAMOS ARRIVED IN THE U.S. TODAY.",
                "THE U.S. EMBASSY SAID NOTHING.",
            ],
        ),
        (
            "\"WHY DID THEY ATTACK?\" HE ASKED. NOBODY KNEW. \"WHO WILL PAY?\" THE MAYOR WONDERED.",
            &["\"WHY DID THEY ATTACK?\" HE ASKED.", "NOBODY KNEW.", "\"WHO WILL PAY?\" THE MAYOR WONDERED."],
        ),
        (
            "THE UNIT SEIZED AN M-16 RIFLE AT NO. 4 STREET. THE REBELS FLED. [SORIA] NO. WE DID NOT.",
            &["THE UNIT SEIZED AN M-16 RIFLE AT NO. 4 STREET.", "THE REBELS FLED.", "[SORIA] NO.", "WE DID NOT."],
        ),
        (
            "SOLDIERS FOUND 3.5 KG OF TNT AT 0900 A.M. ON 5 JANUARY. THE SEARCH ENDED AT 10 A.M. THE REBELS FLED.",
            &["SOLDIERS FOUND 3.5 KG OF TNT AT 0900 A.M. ON 5 JANUARY.", "THE SEARCH ENDED AT 10 A.M.", "THE REBELS FLED."],
        ),
        (
            "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] ATTACKED A POST. TWO SOLDIERS DIED.",
            &[
                "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS)",
                "THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] ATTACKED A POST.",
                "TWO SOLDIERS DIED.",
            ],
        ),
        (
            "CLANDESTINE, NO DATE -- [REPORT] THE COMMAND CLAIMED THE ATTACK.",
            &["CLANDESTINE, NO DATE", "THE COMMAND CLAIMED THE ATTACK."],
        ),
        (
            "THE CALLER SAID THE BOMB -- A LARGE ONE -- WAS PLANTED BY THE ELN.",
            &["THE CALLER SAID THE BOMB -- A LARGE ONE -- WAS PLANTED BY THE ELN."],
        ),
        (
            "[BEGIN RECORDING] [REPORTER] WHERE ARE THE HOSTAGES? [GARCIA] WE DO NOT KNOW. [END RECORDING] [CONTINUED]",
            &["[REPORTER] WHERE ARE THE HOSTAGES?", "[GARCIA] WE DO NOT KNOW."],
        ),
        (
            "THE BILL ESTABLISHES NEW BENEFITS. [PASSAGE OMITTED]\n\nTHE BILL ALSO ALLOWS BAIL [7-SECOND BREAK IN RECEPTION] FOR MINORS.",
            &["THE BILL ESTABLISHES NEW BENEFITS.", "THE BILL ALSO ALLOWS BAIL", "FOR MINORS."],
        ),
        (
            "THE FMLN DEMANDS:\n\n   1.  AN END TO THE BOMBINGS.\n\n   2.  THE RELEASE OF PRISONERS.",
            &["THE FMLN DEMANDS:", "1.  AN END TO THE BOMBINGS.", "2.  THE RELEASE OF PRISONERS."],
        ),
    ]);
}

#[test]
fn lower_case_text() {
    assert_splits(&[
        (
            "ahmedabad: the police fired at a mob on friday. mr. patel said 12 people were hurt. the u.s. consulate was closed. v. p. singh visited the city.",
            &[
                "ahmedabad: the police fired at a mob on friday.",
                "mr. patel said 12 people were hurt.",
                "the u.s. consulate was closed.",
                "v. p. singh visited the city.",
            ],
        ),
        (
            "the mob dispersed.police arrested 20 people. details are on www.example.com today.",
            &["the mob dispersed.", "police arrested 20 people.", "details are on www.example.com today."],
        ),
        (
            "\"why should we talk?\" the leader asked. the meeting ended. \"is it registered?\" asked the bench.",
            &["\"why should we talk?\" the leader asked.", "the meeting ended.", "\"is it registered?\" asked the bench."],
        ),
        (
            "the curfew was lifted.       read this story in...          hindi    the police said calm had returned.",
            &["the curfew was lifted.", "read this story in...", "hindi", "the police said calm had returned."],
        ),
    ]);
}

#[test]
fn empty_and_blank_text_has_no_sentences() {
    assert_splits(&[
        ("", &[]),
        ("  \n\n \t ", &[]),
        ("... -- !", &[]),
        ("[TEXT]", &[]),
    ]);
}

#[test]
fn seed_article_splits_as_an_editor_would() {
    let Some(doc) = load_doc("seed.jsonl", "astana-talks-2017-02-13") else {
        return;
    };
    let sentences = sentence_texts(&NormText::new(&doc.text));
    assert_eq!(sentences.len(), 24, "{sentences:#?}");
    assert_eq!(
        sentences[0],
        "Accusing Russia of failing to implement ceasefire, rebels say they might attend talks only if progress is seen soon."
    );
    assert_eq!(
        sentences[1],
        "A rebel fighter stands with his weapon near a military vehicle on the outskirts of the northern Syrian town of al-Bab"
    );
    assert!(sentences[2].ends_with("at the first Astana meeting"));
    assert!(sentences
        .iter()
        .all(|s| !s.contains("Reuters") && !s.contains('[')));
    let expected = [
        "\"It seems Russian pressure is of no benefit,\" the official said.",
        "READ MORE: Russia, Turkey, Iran discuss Syria ceasefire in Astana",
        "Kazakhstan said on Saturday it had invited the government and rebels for February 15-16 talks.",
        "They attended a similar indirect meeting in Astana last month aimed at shoring up a ceasefire brokered by Turkey and Russia, President Bashar al-Assad's most powerful ally.",
        "READ MORE: Astana summit - Opposition sets demands for new talks",
        "Geneva Talks",
        "The Syrian justice ministry called the report \"devoid of truth\".",
        "Source: News Agencies",
    ];
    for sentence in expected {
        assert!(
            sentences.iter().any(|s| s == sentence),
            "missing {sentence:?} in {sentences:#?}"
        );
    }
}

/// DEV-MUC3-0001: upper case, hard-wrapped at about 75 columns, with an
/// `[FMLN]` gloss at a line end and `NO.4` without a space.
#[test]
fn muc_dev_0001_splits_into_its_fifteen_sentences() {
    let Some(doc) = load_doc("muc34/articles.jsonl", "DEV-MUC3-0001") else {
        return;
    };
    let sentences: Vec<String> = sentence_texts(&NormText::new(&doc.text))
        .iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(sentences.len(), 15, "{sentences:#?}");
    assert_eq!(
        sentences[0],
        "THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL DEPARTMENT."
    );
    assert_eq!(
        sentences[7],
        "IN THE COUNTRY'S EASTERN REGION, MILITARY DETACHMENT NO.4 REPORTED THAT A TERRORIST WAS KILLED AND TWO OTHERS WERE WOUNDED DURING A CLASH IN LA RANERA STREAM, SAN CARLOS, MORAZAN DEPARTMENT."
    );
    assert_eq!(
        sentences[8],
        "AN M-16 RIFLE, CARTRIDGE CLIPS, AND AMMUNITION WERE SEIZED THERE."
    );
    assert_eq!(
        sentences[14],
        "MEMBERS OF THAT SECURITY GROUP ARE COMBING THE AREA TO DETERMINE THE FINAL OUTCOME OF THE FIGHTING."
    );
}

#[test]
fn muc_datelines_and_markers_stay_out_of_the_first_sentence() {
    let Some(doc) = load_doc("muc34/articles.jsonl", "DEV-MUC3-0075") else {
        return;
    };
    let sentences = sentence_texts(&NormText::new(&doc.text));
    assert_eq!(sentences[0], "TEGUCIGALPA, 7 FEB (REUTER)");
    assert_eq!(
        sentences[1],
        "A BOMB BLAST DAMAGED A TELEPHONE\nOFFICE TODAY IN THE NORTHERN CITY OF SAN PEDRO SULA."
    );
    let Some(docs) = load("muc34/articles.jsonl") else {
        return;
    };
    for doc in &docs {
        for sentence in sentence_texts(&NormText::new(&doc.text)) {
            for marker in [
                "[TEXT]",
                "[BEGIN RECORDING]",
                "[END RECORDING]",
                "[PASSAGE OMITTED]",
            ] {
                assert!(!sentence.contains(marker), "{}: {sentence:?}", doc.id);
            }
        }
    }
}

#[test]
fn muc_mixed_case_documents_split_on_capitalised_words() {
    let Some(doc) = load_doc("muc34/articles.jsonl", "TST4-MUC4-0002") else {
        return;
    };
    let sentences = sentence_texts(&NormText::new(&doc.text));
    assert_eq!(sentences.len(), 7, "{sentences:#?}");
    assert!(sentences[4].starts_with("Prosecutor Carbone asked 15 years for Marquina"));
    assert!(
        sentences[4].ends_with("killed 22\ninmates."),
        "{:?}",
        sentences[4]
    );
}

#[test]
fn india_documents_split_on_lower_case_sentence_starts() {
    let Some(doc) = load_doc("india-police-events/articles.jsonl", "ipe-5") else {
        return;
    };
    let sentences = sentence_texts(&NormText::new(&doc.text));
    assert_eq!(sentences.len(), 4, "{sentences:#?}");
    assert!(sentences[1].starts_with("the three-judge bench, comprising justice b n kirpal"));
    assert_eq!(sentences[3], "Facebook Twitter Linkedin Mail");
    let Some(doc) = load_doc("india-police-events/articles.jsonl", "ipe-6") else {
        return;
    };
    let sentences = sentence_texts(&NormText::new(&doc.text));
    let follow = sentences
        .iter()
        .position(|s| s.ends_with("relief workers who are to follow."));
    let next = &sentences[follow.expect("glued sentence end is split") + 1];
    assert!(next.starts_with("volunteers were also sought"), "{next:?}");
}
