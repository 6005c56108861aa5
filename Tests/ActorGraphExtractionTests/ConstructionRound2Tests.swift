import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The constructions added in the second extraction round (docs/EXTRACTION.md), each on
/// invented actors and general sentences.
let rolesGraph = ActorGraph(actors: [
    ActorNode(id: "northland", name: "Government of Northland", kind: .government,
              aliases: ["Northland", "Northlandic government"]),
    ActorNode(id: "southland", name: "Southland", kind: .government, country: "DE"),
    ActorNode(id: "red-front", name: "Red Front", kind: .organization),
    ActorNode(id: "blue-brigades", name: "Blue Brigades", kind: .militia),
    ActorNode(id: "green-union", name: "Green Workers Union", kind: .group),
    ActorNode(id: "jane-doe", name: "Jane Doe", kind: .person,
              memberOf: [Membership(actor: "southland", role: "Prime Minister")]),
    ActorNode(id: "omar-al-rashid", name: "Omar al-Rashid", kind: .person,
              memberOf: [Membership(actor: "red-front", role: "Leader")]),
    ActorNode(id: "norway", name: "Government of Norway", kind: .government, country: "NO"),
    ActorNode(id: "dalmoran-backed-militias", name: "Southland-backed militias", kind: .group),
])

let roundTwo: Extractor = {
    try! Extractor(graph: rolesGraph, lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
}()

func extract2(_ text: String) -> [Candidate] {
    roundTwo.extract(text: text, document: "doc", date: PartialDate(year: 2024, month: 3, day: 15)).candidates
}

@Suite struct ImpliedRelations {
    @Test func appositionWithReducedPassive() {
        let cs = extract2("The Blue Brigades, a militia backed by Southland, attacked a convoy.")
        #expect(has(cs, "southland", .supports, "blue-brigades"))
    }

    @Test func underTheUmbrellaOf() {
        let cs = extract2("The Blue Brigades, an armed group under the umbrella of Southland, held a parade.")
        #expect(has(cs, "southland", .supports, "blue-brigades"))
        #expect(!has(cs, "southland", .supports, "red-front"))
    }

    @Test func proAndAntiCompounds() {
        #expect(has(extract2("Police arrested members of the pro-Southland Blue Brigades."), "southland", .supports, "blue-brigades"))
        #expect(has(extract2("The anti-German Red Front marched on Monday."), "red-front", .opposes, "southland"))
        // A nationality before a hyphenated participle names the state: "German-funded".
        #expect(has(extract2("The German-funded Blue Brigades grew."), "southland", .supports, "blue-brigades"))
    }

    @Test func namesThatHoldARelation() {
        #expect(has(extract2("Southland-backed militias seized the town."), "southland", .supports, "dalmoran-backed-militias"))
    }

    @Test func relationalNouns() {
        #expect(has(extract2("Southland's proxy, the Blue Brigades, struck again."), "southland", .supports, "blue-brigades"))
        #expect(has(extract2("The Blue Brigades, a proxy of Southland, struck again."), "southland", .supports, "blue-brigades"))
        let allies = extract2("Southland's ally Northland sent envoys.")
        #expect(has(allies, "southland", .supports, "northland") && has(allies, "northland", .supports, "southland"))
        #expect(has(extract2("The Red Front's backer, Southland, paid the fighters."), "southland", .supports, "red-front"))
    }

    @Test func predicativePhrasesNeedAnAdjacentSubject() {
        #expect(has(extract2("The Blue Brigades, loyal to Southland, refused."), "blue-brigades", .supports, "southland"))
        #expect(has(extract2("The Red Front is close to Northland."), "red-front", .supports, "northland"))
        // A distant actor is not the subject of "close to".
        #expect(extract2("Northland said that talks were close to collapse near Southland.").allSatisfy { $0.rule != "adjective:close to" })
    }
}

@Suite struct RoundTwoConstructions {
    @Test func agentListsAndSuchAs() {
        let cs = extract2("Attacks on Northland by the Red Front, the Blue Brigades and the Green Workers Union continued.")
        #expect(has(cs, "red-front", .opposes, "northland") && has(cs, "blue-brigades", .opposes, "northland")
                    && has(cs, "green-union", .opposes, "northland"))
        let suchAs = extract2("Northland came under attack by armed groups, such as the Red Front and the Blue Brigades.")
        #expect(suchAs.isEmpty || !has(suchAs, "northland", .opposes, "red-front"))
    }

    @Test func examplesAfterSuchAsAreNotSubjects() {
        let cs = extract2("Northland needs partners such as Norway with the support of Southland.")
        #expect(has(cs, "southland", .supports, "northland"))
        #expect(!has(cs, "southland", .supports, "norway"))
    }

    @Test func thatComplementAndMustDemands() {
        #expect(has(extract2("Southland demanded on Friday that Northland withdraw its troops."), "southland", .opposes, "northland"))
        #expect(has(extract2("Southland said on Friday that Northland must release the prisoners."), "southland", .opposes, "northland"))
    }

    @Test func threatInfinitiveReachesPlaces() {
        #expect(has(extract2("The Red Front threatened on Monday to resume attacks in Southland."), "red-front", .opposes, "southland"))
    }

    @Test func flexiblePhrasesAndReciprocalPhrases() {
        #expect(has(extract2("Southland signed a new trade agreement with Norway."), "southland", .supports, "norway"))
        let cs = extract2("Southland and Norway signed an agreement on fishing.")
        #expect(has(cs, "southland", .supports, "norway") && has(cs, "norway", .supports, "southland"))
        #expect(has(extract2("Southland established diplomatic ties with Norway."), "southland", .supports, "norway"))
    }

    @Test func doubledConsonantPast() {
        #expect(has(extract2("The Blue Brigades kidnapped Jane Doe."), "blue-brigades", .opposes, "jane-doe"))
    }

    @Test func receiptFromIsReversedAndNotHosting() {
        let cs = extract2("The Blue Brigades received weapons and training from Southland.")
        #expect(has(cs, "southland", .supports, "blue-brigades"))
        #expect(!cs.contains { $0.type == .hosts })
    }

    @Test func reducedPassiveNeedsByRightAfter() {
        let cs = extract2("Southland rejected calls by Northland to resume talks.")
        #expect(has(cs, "southland", .opposes, "northland"))
        #expect(!has(cs, "northland", .opposes, "southland"))
    }

    @Test func refusalsAndLiftingsReverse() {
        #expect(has(extract2("Southland refused to meet Northland."), "southland", .opposes, "northland"))
        #expect(extract2("Southland lifted the blockade on Northland.").allSatisfy { $0.type != .opposes })
        #expect(has(extract2("Southland called off talks with Northland."), "southland", .opposes, "northland"))
    }

    @Test func hostsOfMeetingsAsEvents() {
        let cs = extract2("Jane Doe and Omar al-Rashid held talks at a summit hosted by Norway.")
        #expect(has(cs, "norway", .hosts, "jane-doe") && has(cs, "norway", .hosts, "omar-al-rashid"))
        let later = extract2("Jane Doe met Omar al-Rashid in Oslo. Norway, which hosted the meeting, praised both.")
        #expect(has(later, "norway", .hosts, "jane-doe"))
    }

    @Test func placesAfterAnOfPhraseAndNotAtHome() {
        #expect(has(extract2("The representative of the Red Front (RF) in Oslo spoke."), "norway", .hosts, "red-front"))
        let home = extract2("Jane Doe spoke in her office in Berlin.")
        #expect(!home.contains { $0.type == .hosts })
    }

    @Test func fromIsNotAPlace() {
        #expect(has(extract2("Northland rejected a fresh offer from Southland."), "northland", .opposes, "southland"))
    }

    @Test func asAfterTheVerb() {
        #expect(has(extract2("Norway denounced as a crime Southland's attack."), "norway", .opposes, "southland"))
    }
}

@Suite struct RoundTwoMentions {
    @Test func titlesJoinThePersonForCoordination() {
        let cs = extract2("German Prime Minister Jane Doe and Omar al-Rashid held talks on Tuesday.")
        #expect(has(cs, "jane-doe", .meets, "omar-al-rashid") || has(cs, "omar-al-rashid", .meets, "jane-doe"))
    }

    @Test func roleHolders() {
        // "the German prime minister": Southland (DE) has one person with that role.
        #expect(has(extract2("The German prime minister praised the Red Front."), "jane-doe", .supports, "red-front"))
        #expect(has(extract2("The Red Front met Norway. The front's leader condemned Southland."), "omar-al-rashid", .opposes, "southland"))
    }

    @Test func adjectivesFromAliases() {
        // "Northlandic government" is an alias: "Northlandic troops" name Northland.
        #expect(has(extract2("Northlandic troops attacked the Blue Brigades."), "northland", .opposes, "blue-brigades"))
    }

    @Test func nationalityBeforeAPluralIsANoun() {
        #expect(extract2("The Red Front said German targets were hit.").allSatisfy { $0.rule != "verb-active:target" })
    }

    @Test func headNounAnaphora() {
        let cs = extract2("The Red Front met the Green Workers Union. Later the union attacked Southland.")
        #expect(has(cs, "green-union", .opposes, "southland"))
    }

    @Test func cataphoraInAnOpeningPhrase() {
        let cs = extract2("Omar al-Rashid spoke. During his visit to Norway, Jane Doe praised the Red Front.")
        #expect(has(cs, "norway", .hosts, "jane-doe"))
        #expect(!has(cs, "norway", .hosts, "omar-al-rashid"))
    }

    @Test func initialismsDoNotEndSentences() {
        let text = "Southland backed a U.N. Security Council resolution. It passed."
        #expect(SentenceSplitter.sentences(in: text).map { String(text[$0]) }
                    == ["Southland backed a U.N. Security Council resolution.", "It passed."])
    }
}

@Suite struct RoundTwoModality {
    @Test func descriptionInsideTheSpeakersPhraseIsAsserted() {
        #expect(has(extract2("The Southland-backed Blue Brigades reported that Jane Doe had resigned."),
                    "southland", .supports, "blue-brigades", .asserted))
        #expect(has(extract2("The representative of the Red Front in Oslo, Omar al-Rashid, said the war would go on."),
                    "norway", .hosts, "red-front", .asserted))
    }

    @Test func sentenceFinalAttributionStillReports() {
        #expect(has(extract2("The Blue Brigades attacked Northland, Norway said."), "blue-brigades", .opposes, "northland", .reported))
    }

    @Test func unresolvedPronounSpeakerIsReported() {
        #expect(has(extract2("The Red Front, he noted, fights Southland."), "red-front", .opposes, "southland", .reported))
    }

    @Test func speechCarriedIntoAConnectiveSentence() {
        let cs = extract2("Omar al-Rashid said that the region was changing. Because Southland now funds the Blue Brigades, peace is far.")
        #expect(has(cs, "southland", .supports, "blue-brigades", .reported))
        // A new paragraph does not carry it.
        let apart = extract2("Omar al-Rashid said that the region was changing.\nBecause Southland now funds the Blue Brigades, peace is far.")
        #expect(has(apart, "southland", .supports, "blue-brigades", .asserted))
    }

    @Test func aPartysOwnReportAndTheWritersAsideAreAsserted() {
        #expect(has(extract2("The office of Omar al-Rashid, the leader of the Red Front, reported that al-Rashid met Jane Doe."),
                    "omar-al-rashid", .meets, "jane-doe", .asserted))
        #expect(has(extract2("It should be noted that Southland funds the Blue Brigades."), "southland", .supports, "blue-brigades", .asserted))
        #expect(has(extract2("It was reported that Southland funds the Blue Brigades."), "southland", .supports, "blue-brigades", .reported))
    }

    @Test func beliefVerbsReport() {
        #expect(has(extract2("Analysts believe Southland funds the Blue Brigades."), "southland", .supports, "blue-brigades", .reported))
    }
}
