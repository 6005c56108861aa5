import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import Foundation
import Testing

/// A small dictionary of invented actors: general English sentences, nothing from the seeds.
let testGraph = ActorGraph(actors: [
    ActorNode(id: "northland", name: "Government of Northland", kind: .government, aliases: ["Northland"], country: "FR"),
    ActorNode(id: "southland", name: "Southland", kind: .government, country: "DE"),
    ActorNode(id: "red-front", name: "Red Front", kind: .organization),
    ActorNode(id: "blue-brigades", name: "Blue Brigades", kind: .militia),
    ActorNode(id: "jane-doe", name: "Jane Doe", kind: .person),
    ActorNode(id: "omar-al-rashid", name: "Omar al-Rashid", kind: .person),
])

let extractor: Extractor = {
    try! Extractor(graph: testGraph, lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
}()

func extract(_ text: String, date: PartialDate? = PartialDate(year: 2024, month: 3, day: 15)) -> [Candidate] {
    extractor.extract(text: text, document: "doc", date: date).candidates
}

/// Extracts `text` with a dictionary of just `actors` (the bundled lexicon and gazetteer).
func extractWith(_ actors: [ActorNode], _ text: String) -> [Candidate] {
    let x = try! Extractor(graph: ActorGraph(actors: actors), lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
    return x.extract(text: text, document: "d", date: nil).candidates
}

func has(_ cs: [Candidate], _ s: ActorID, _ type: RelationType, _ t: ActorID, _ m: Modality? = nil) -> Bool {
    cs.contains { $0.source == s && $0.target == t && $0.type == type && (m == nil || $0.modality == m) }
}

@Suite struct Constructions {
    @Test func activeVerb() {
        #expect(has(extract("The Red Front praised the Blue Brigades."), "red-front", .supports, "blue-brigades", .asserted))
        #expect(has(extract("Southland condemned the Red Front on Monday."), "southland", .opposes, "red-front"))
    }

    @Test func passiveVerb() {
        let cs = extract("The Blue Brigades were armed by Southland.")
        #expect(has(cs, "southland", .supports, "blue-brigades"))
        #expect(!has(cs, "blue-brigades", .supports, "southland"))
    }

    @Test func reducedPassiveAndCompound() {
        #expect(has(extract("The Blue Brigades, backed by Southland, advanced."), "southland", .supports, "blue-brigades"))
        #expect(has(extract("The Southland-backed Blue Brigades advanced."), "southland", .supports, "blue-brigades"))
    }

    @Test func symmetricMeetings() {
        #expect(has(extract("Jane Doe and Omar al-Rashid met in Geneva."), "jane-doe", .meets, "omar-al-rashid"))
        let talks = extract("There were talks between Southland and Northland.")
        #expect(talks.contains { $0.type == .meets && Set([$0.source, $0.target]) == ["southland", "northland"] })
        #expect(has(extract("Jane Doe held talks with Omar al-Rashid."), "jane-doe", .meets, "omar-al-rashid"))
    }

    @Test func nounForms() {
        #expect(has(extract("Jane Doe had a meeting with Omar al-Rashid."), "jane-doe", .meets, "omar-al-rashid"))
        #expect(has(extract("Southland's support for the Red Front grew."), "southland", .supports, "red-front"))
        #expect(has(extract("The Red Front acted with the backing of Southland."), "southland", .supports, "red-front"))
        #expect(has(extract("Attacks on Southland by the Blue Brigades continued."), "blue-brigades", .opposes, "southland"))
    }

    @Test func hostsAndVisits() {
        #expect(has(extract("The Red Front opened an office in Northland."), "northland", .hosts, "red-front"))
        #expect(has(extract("Southland hosted Jane Doe."), "southland", .hosts, "jane-doe"))
        let visit = extract("Jane Doe visited Southland.")
        #expect(has(visit, "southland", .hosts, "jane-doe"))
        // a visit is hosting, not a meeting of its own (round 13; docs/EXTRACTION.md)
        #expect(!visit.contains { $0.type == .meets })
    }

    @Test func coordinatedObjectsAndSubjects() {
        let cs = extract("Southland condemned the Red Front and the Blue Brigades.")
        #expect(has(cs, "southland", .opposes, "red-front") && has(cs, "southland", .opposes, "blue-brigades"))
        let clash = extract("Southland and Northland clashed.")
        #expect(has(clash, "southland", .opposes, "northland") && has(clash, "northland", .opposes, "southland"))
    }

    @Test func reversalTurnsSupportIntoOpposition() {
        #expect(has(extract("Southland suspended aid to the Red Front."), "southland", .opposes, "red-front"))
    }
}

@Suite struct Mentions {
    @Test func foldedNames() {
        #expect(has(extract("Omar Al Rashid praised the Red Front."), "omar-al-rashid", .supports, "red-front"))
        #expect(has(extract("ALRASHID praised the Red Front."), "omar-al-rashid", .supports, "red-front") == false)
        #expect(has(extract("Al-Rashid's praise of the Red Front surprised many."), "omar-al-rashid", .supports, "red-front"))
    }

    @Test func countryAdjectivesCapitalsAndStates() {
        // Southland has country DE in the test graph: "the German government", "Berlin".
        #expect(has(extract("The German government praised the Red Front."), "southland", .supports, "red-front"))
        #expect(has(extract("Berlin condemned the Blue Brigades."), "southland", .opposes, "blue-brigades"))
        // A state not in the graph is proposed.
        let result = extractor.extract(text: "Italian officials condemned the Red Front.", document: "d")
        #expect(result.proposals.contains { $0.id == "new-italy" && $0.kind == .government })
    }

    @Test func unknownOrganisationsAndTitles() {
        let result = extractor.extract(text: "The Green Valley Brigades attacked the Red Front. Foreign Minister Paul Smith praised Southland.", document: "d")
        #expect(result.proposals.contains { $0.name == "Green Valley Brigades" && $0.kind == .militia })
        #expect(result.proposals.contains { $0.name == "Paul Smith" && $0.kind == .person })
        #expect(has(result.candidates, "new-green-valley-brigades", .opposes, "red-front"))
    }

    @Test func anaphora() {
        let cs = extract("The Blue Brigades held a rally. The group later attacked Southland.")
        #expect(has(cs, "blue-brigades", .opposes, "southland"))
        #expect(cs.first { $0.source == "blue-brigades" }!.rule.hasSuffix("+anaphora"))
        #expect(has(extract("Jane Doe arrived on Monday. He praised the Red Front."), "jane-doe", .supports, "red-front"))
    }
}

@Suite struct Modalities {
    @Test func denied() {
        #expect(has(extract("The Red Front denied reports that it had hosted Jane Doe."), "red-front", .hosts, "jane-doe", .denied))
        #expect(has(extract("Southland did not meet Northland."), "southland", .meets, "northland", .denied))
        #expect(has(extract("Southland never supported the Blue Brigades."), "southland", .supports, "blue-brigades", .denied))
    }

    @Test func possible() {
        #expect(has(extract("Southland could soon host the Red Front."), "southland", .hosts, "red-front", .possible))
        #expect(has(extract("Southland is considering sanctions against the Red Front."), "southland", .opposes, "red-front", .possible))
        #expect(has(extract("It cannot be ruled out that Southland funds the Blue Brigades."), "southland", .supports, "blue-brigades", .possible))
        #expect(has(extract("Southland plans to arm the Blue Brigades."), "southland", .supports, "blue-brigades", .possible))
    }

    @Test func reported() {
        #expect(has(extract("Southland reportedly armed the Blue Brigades."), "southland", .supports, "blue-brigades", .reported))
        #expect(has(extract("According to analysts, Southland funds the Blue Brigades."), "southland", .supports, "blue-brigades", .reported))
        #expect(has(extract("Southland funds the Blue Brigades, sources said."), "southland", .supports, "blue-brigades", .reported))
    }

    @Test func ownStatementIsAsserted() {
        #expect(has(extract("Southland said it condemned the Red Front."), "southland", .opposes, "red-front", .asserted))
    }

    @Test func priorityDeniedOverPossibleOverReported() {
        #expect(has(extract("Officials said Southland may have denied that it armed the Blue Brigades."),
                    "southland", .supports, "blue-brigades", .denied))
        #expect(has(extract("Officials said Southland may arm the Blue Brigades."), "southland", .supports, "blue-brigades", .possible))
    }
}

@Suite struct Dates {
    let base = PartialDate(year: 2024, month: 3, day: 15)! // a Friday

    func date(_ sentence: String) -> PartialDate? {
        DateResolver.date(of: Tokenizer.tokens(in: sentence, range: sentence.startIndex..<sentence.endIndex), base: base)
    }

    @Test func relativeExpressions() {
        #expect(date("They met on Tuesday.") == PartialDate(year: 2024, month: 3, day: 12))
        #expect(date("They met on Friday.") == base)
        #expect(date("They met yesterday.") == PartialDate(year: 2024, month: 3, day: 14))
        #expect(date("They met last week.") == PartialDate(year: 2024, month: 3))
        #expect(date("They met last month.") == PartialDate(year: 2024, month: 2))
        #expect(date("They met in 2020.") == PartialDate(year: 2020))
        #expect(date("They met on October 7.") == PartialDate(year: 2023, month: 10, day: 7))
        #expect(date("They met on 2 March.") == PartialDate(year: 2024, month: 3, day: 2))
        #expect(date("They met.") == base)
    }

    @Test func dateLine() {
        let text = "Leaders meet\nDECEMBER 9, 2022\n\nSouthland praised the Red Front on Tuesday."
        #expect(DateResolver.articleDate(in: text) == PartialDate(year: 2022, month: 12, day: 9))
        let result = extractor.extract(text: text, document: "d")
        #expect(result.candidates.first?.date == PartialDate(year: 2022, month: 12, day: 6))
    }
}

@Suite struct TextUnits {
    @Test func sentencesKeepAbbreviationsAndSplitLines() {
        let text = "Dr. Smith met U.S. officials on Tuesday. He left.\nA title line\nLast one!"
        let sentences = SentenceSplitter.sentences(in: text).map { String(text[$0]) }
        #expect(sentences == ["Dr. Smith met U.S. officials on Tuesday.", "He left.", "A title line", "Last one!"])
    }

    @Test func tokensFoldApostrophesPossessivesAndHyphens() {
        let text = "Kata’ib Hezbollah's Iran-backed fighters didn't"
        let tokens = Tokenizer.tokens(in: text, range: text.startIndex..<text.endIndex)
        #expect(tokens.map(\.key) == ["kataib", "hezbollah", "'s", "iran", "backed", "fighters", "did", "nt"])
        #expect(tokens[4].hyphenBefore)
    }

    @Test func lexiconInflectsAndRejectsBadLines() throws {
        let lexicon = try Lexicon(text: "[supports]\nverb ban\nnoun ally\n[meets]\nverb meet | met\n")
        #expect(lexicon.triggers.count == 3)
        #expect(throws: Lexicon.FormatError.self) { try Lexicon(text: "[supports]\nadverb quickly\n") }
        #expect(throws: Lexicon.FormatError.self) { try Lexicon(text: "[nonsense]\n") }
    }

    @Test func candidateNotesRoundTrip() {
        let info = CandidateInfo(confidence: 0.73, rule: "verb-active:praise", sentence: 4, status: .accepted,
                                 reviewer: "ana; b", reviewedAt: "2024-06-01T10:00:00Z", comment: "fine; really: yes")
        let back = CandidateInfo(notes: info.notes)
        #expect(back?.confidence == 0.73 && back?.status == .accepted && back?.comment == "fine; really: yes")
        #expect(back?.reviewer == "ana, b")
        #expect(CandidateInfo(notes: "an ordinary note") == nil)
    }
}
