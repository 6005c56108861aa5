import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// Modality scopes of the ninth extraction round (docs/EXTRACTION.md): a cue after the trigger
/// reports it only when postposed; a cue inside a closed relative clause or before a new speech
/// verb stays there; an offer is possible; a trigger inside a denial cue is the cue. Round 5's graph.

@Suite struct CueScopes {
    @Test func onlyAPostposedAttributionReports() {
        #expect(has(extract5("Chile attacked the Sarni Movement overnight, the Peruvian ministry said."), "chile", .opposes, "sarnis", .reported))
        #expect(has(extract5("Chile attacked the Sarni Movement, \"a clear provocation,\" he said."), "chile", .opposes, "sarnis", .reported))
        // a later clause with its own speaker
        let cs = extract5("Chilean police arrested Ada Kell in Santiago, and Peru's prosecutors said they were working on her extradition.")
        #expect(has(cs, "chile", .opposes, "ada-kell", .asserted))
        // a relative clause's own speech verb
        let cs2 = extract5("Chile has condemned the Sarni Movement, which it says is hostile.")
        #expect(has(cs2, "chile", .opposes, "sarnis", .asserted))
        // an adverb of a coordinated clause
        let cs3 = extract5("Ada Kell met Norway's envoy in March, and Chilean companies are reportedly in talks on a port.")
        #expect(has(cs3, "ada-kell", .meets, "norway", .asserted) || has(cs3, "norway", .meets, "ada-kell", .asserted))
    }

    @Test func aCueInsideAClosedRelativeClause() {
        let cs = extract5("The Sarni Movement, which is widely expected to win the vote, has accused Chile of stalling.")
        #expect(has(cs, "sarnis", .opposes, "chile", .asserted))
        let cs2 = extract5("Chile, whose leader has openly backed the Sarni Movement, is expected to block the plan.")
        #expect(!cs2.contains { $0.type == .supports && $0.modality == .possible })
    }

    @Test func aDenialEndsAtANewSpeechVerb() {
        let cs = extract5("Peru denied burning any homes and said its units had attacked the Sarni Movement.")
        #expect(has(cs, "peru", .opposes, "sarnis", .reported))
    }

    @Test func anOfferIsPossible() {
        #expect(has(extract5("Chile offered Peru winter gas in exchange for customs access."), "chile", .supports, "peru", .possible))
    }

    @Test func aTriggerInsideADenialCueIsTheCue() {
        let cs = extract5("Chile dismissed reports that it had pressed Peru to cancel the visit.")
        #expect(!has(cs, "chile", .opposes, "peru", .asserted))
    }
}

@Suite struct Round9Lexicon {
    @Test func extraditionDesignationAndConcern() {
        #expect(has(extract5("Chile extradited Ada Kell to Peru in July."), "chile", .opposes, "ada-kell"))
        #expect(has(extract5("Peru has designated the Sarni Movement a terrorist organisation."), "peru", .opposes, "sarnis"))
        #expect(has(extract5("Chilean officials have voiced concern over Peru's projects near the border."), "chile", .opposes, "peru"))
    }

    @Test func drillsAroundAStateAndDrillsTogether() {
        #expect(has(extract5("Chile launched large-scale air and naval drills around Peru on Thursday."), "chile", .opposes, "peru"))
        // held together near a place: neither opposes the other
        let cs = extract5("Chile and Norway held joint air drills near the border.")
        #expect(!has(cs, "chile", .opposes, "norway") && !has(cs, "norway", .opposes, "chile"))
    }

    @Test func fleeingToAStateAndWorkingWithAParty() {
        #expect(has(extract5("Ada Kell fled to Chile after the uprising."), "chile", .hosts, "ada-kell"))
        #expect(has(extract5("The Sarni Movement works with the Tern Liberation Front, officials say."), "sarnis", .supports, "tern-front"))
    }

    @Test func aCapitalisedModifierBeforeASecondConjunct() {
        let actors = [
            ActorNode(id: "nikos", name: "Nikos Christodoulides", kind: .person),
            ActorNode(id: "tufan", name: "Tufan Erhurman", kind: .person),
        ]
        let cs = extractWith(actors, "President Nikos Christodoulides and Turkish Cypriot leader Tufan Erhurman met for three hours.")
        #expect(has(cs, "nikos", .meets, "tufan") || has(cs, "tufan", .meets, "nikos"))
    }
}

@Suite struct MeetingsAcrossPlacesAndAppositions {
    @Test func aMeetingBetweenTwoNamedSidesAfterAPlace() {
        let actors = [
            ActorNode(id: "moldova", name: "Government of Moldova", kind: .government, aliases: ["Moldova"], country: "MD"),
            ActorNode(id: "oleg", name: "Oleg Serebrian", kind: .person),
            ActorNode(id: "vitaly", name: "Vitaly Ignatiev", kind: .person),
            ActorNode(id: "osce", name: "OSCE Mission to Moldova", kind: .international),
        ]
        let text = """
        The offer was made at a meeting in the riverside town of Bender between Moldova's chief negotiator, \
        Deputy Prime Minister Oleg Serebrian, and Vitaly Ignatiev, who handles foreign affairs. \
        The talks were hosted by the OSCE Mission to Moldova, which has mediated between the two sides since the 1990s.
        """
        let cs = extractWith(actors, text)
        #expect(has(cs, "oleg", .meets, "vitaly") || has(cs, "vitaly", .meets, "oleg"))
        #expect(has(cs, "osce", .hosts, "oleg") && has(cs, "osce", .hosts, "vitaly"))
    }
}
