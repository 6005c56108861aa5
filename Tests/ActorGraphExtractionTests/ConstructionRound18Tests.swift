import ActorGraphCore
import ActorGraphExtraction
import Testing

/// After heldout16 (docs/EXTRACTION.md): who speaks when a speech verb has a plain noun subject,
/// a speaker after the verb, and a coordinated speech verb.
@Suite struct Round18Speakers {
    @Test func aNounSubjectOfSaidIsNoActorSpeaking() {
        // "Investigators said X hosted Y": X opens the reported clause; it is not X's own word
        let cs = extract13("Investigators said Peru hosted Bo Lund in March.")
        #expect(has(cs, "peru", .hosts, "bo-lund", .reported))
        #expect(!has(cs, "peru", .hosts, "bo-lund", .asserted))
    }

    @Test func aSpeakerAfterTheVerbFollowsPunctuation() {
        // the speaker is Chile, not the party named just before the comma
        #expect(has(extract13("Peru hosted Bo Lund in March, said Chile."), "peru", .hosts, "bo-lund", .reported))
        // a party's own words stay asserted
        #expect(has(extract13("\"Peru hosted Bo Lund in March,\" said Ada Kell."), "peru", .hosts, "bo-lund", .reported))
        #expect(has(extract13("\"Peru hosted Bo Lund in March,\" said Peru."), "peru", .hosts, "bo-lund", .asserted))
    }

    @Test func aCoordinatedSpeechVerbHasTheClausesSubject() {
        // "X thanked Y … and said …": X speaks; Bo Lund speaks for Norway, a party
        let cs = extract14("Bo Lund thanked Chile for its generous support and said Norway had signed an agreement with Peru.")
        #expect(has(cs, "bo-lund", .supports, "chile", .asserted))
        #expect(has(cs, "norway", .supports, "peru", .asserted))
        // someone else's clause subject speaks for no party
        #expect(has(extract14("Cy Mora thanked Chile for its generous support and said Norway had signed an agreement with Peru."),
                    "norway", .supports, "peru", .reported))
    }

    @Test func backAfterAnObjectPronounOrAVerbOfMotionIsAnAdverb() {
        #expect(extract13("Ada Kell refused to sign the law, sending it back to parliament and deepening a crisis in Chile.")
            .allSatisfy { $0.type != .supports })
        #expect(extract13("Peru pushed back against Chile on Monday.").allSatisfy { $0.type != .supports })
        // the verb itself still backs
        #expect(has(extract13("Peru will back Chile in the vote."), "peru", .supports, "chile"))
        #expect(has(extract13("Peru backed Chile in the vote."), "peru", .supports, "chile"))
        // "US" is a name, not the pronoun "us"
        let us = round13Graph + [ActorNode(id: "us-gov", name: "Government of the United States", kind: .government,
                                           aliases: ["US", "United States"], country: "US")]
        #expect(has(extractWith(us, "Britain and US back Chile in the vote."), "us-gov", .supports, "chile"))
    }

    @Test func aSpeechVerbFirstInTheSentenceHasNoWordBeforeIt() {
        // found by `scripts/fuzz leaks` replaying the extract corpus: the coordinated-speech
        // check read the token before the first one (index -1)
        let cs = extract13("Said to be close to Peru, Bo Lund attacked Chile. Say it, Chile condemned Peru.")
        #expect(has(cs, "bo-lund", .opposes, "chile"))
        #expect(has(cs, "chile", .opposes, "peru"))
    }
}
