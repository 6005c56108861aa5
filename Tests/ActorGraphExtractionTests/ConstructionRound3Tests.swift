import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The constructions added in the third extraction round (docs/EXTRACTION.md, issue 10), each on
/// invented actors and general sentences (none from a fixture). Each test also checks the reading
/// the old rules gave, so it fails if the construction is lost.
let round3Graph = ActorGraph(actors: [
    ActorNode(id: "ostrava", name: "Government of Ostrava", kind: .government, aliases: ["Ostrava", "Ostravan government"]),
    ActorNode(id: "pellia", name: "Government of Pellia", kind: .government, aliases: ["Pellia", "Pellian government"]),
    ActorNode(id: "quillon", name: "Government of Quillon", kind: .government, aliases: ["Quillon"]),
    ActorNode(id: "amber-guard", name: "Amber Guard", kind: .militia),
    ActorNode(id: "slate-union", name: "Slate Miners Union", kind: .group),
    ActorNode(id: "ida-moro", name: "Ida Moro", kind: .person, memberOf: [Membership(actor: "ostrava", role: "President")]),
    ActorNode(id: "leo-brandt", name: "Leo Brandt", kind: .person, memberOf: [Membership(actor: "pellia", role: "Foreign Minister")]),
])

let roundThree: Extractor = {
    try! Extractor(graph: round3Graph, lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
}()

func extract3(_ text: String) -> [Candidate] {
    roundThree.extract(text: text, document: "doc", date: PartialDate(year: 2025, month: 6, day: 2)).candidates
}

@Suite struct RelativeClauses {
    @Test func objectRelativeMakesTheAntecedentTheObject() {
        let cs = extract3("The Amber Guard, which Ostrava has armed for years, shelled Pellia.")
        #expect(has(cs, "ostrava", .supports, "amber-guard"))
        // the main verb's subject is the antecedent, not the relative clause's subject
        #expect(has(cs, "amber-guard", .opposes, "pellia"))
        #expect(!has(cs, "ostrava", .opposes, "pellia"))
    }

    @Test func objectRelativeWithAPrepositionalComplement() {
        let cs = extract3("Pellia, which Ostrava accuses of funding the Amber Guard, rejected the charge.")
        #expect(has(cs, "ostrava", .opposes, "pellia"))
        #expect(!has(cs, "ostrava", .opposes, "amber-guard"))
    }

    @Test func objectRelativeWithoutAnActorSubjectGivesNoSubject() {
        let cs = extract3("Pellia, which many observers accuse of arming the Amber Guard, denied it.")
        #expect(!has(cs, "pellia", .opposes, "amber-guard"))
    }

    @Test func subjectRelativeKeepsItsOwnVerbPhrase() {
        let cs = extract3("Ostrava, who has kept close ties with Pellia, condemned the Amber Guard.")
        #expect(has(cs, "ostrava", .supports, "pellia"))
        #expect(has(cs, "ostrava", .opposes, "amber-guard"))
    }

    @Test func whoAfterAnObjectIsThatObject() {
        let cs = extract3("Ostrava received Leo Brandt, who later met Ida Moro.")
        #expect(has(cs, "ostrava", .hosts, "leo-brandt"))
        #expect(has(cs, "leo-brandt", .meets, "ida-moro") || has(cs, "ida-moro", .meets, "leo-brandt"))
        #expect(!has(cs, "ostrava", .meets, "ida-moro") && !has(cs, "ida-moro", .meets, "ostrava"))
    }
}

@Suite struct ClauseCoordination {
    @Test func commaAndStartsANewClause() {
        let cs = extract3("Ostrava expressed support for Pellia, and Quillon condemned the Amber Guard.")
        #expect(has(cs, "ostrava", .supports, "pellia"))
        #expect(has(cs, "quillon", .opposes, "amber-guard"))
        #expect(!has(cs, "ostrava", .supports, "quillon"))
        #expect(!has(cs, "ostrava", .opposes, "amber-guard"))
    }

    @Test func aListOfThreeStillCoordinates() {
        let cs = extract3("Ostrava, Pellia, and Quillon condemned the Amber Guard.")
        for s: ActorID in ["ostrava", "pellia", "quillon"] { #expect(has(cs, s, .opposes, "amber-guard")) }
    }
}

@Suite struct RoundThreeConstructions {
    @Test func cameUnderAttackFrom() {
        #expect(has(extract3("Pellia came under heavy fire from the Amber Guard overnight."), "amber-guard", .opposes, "pellia"))
        #expect(has(extract3("The Slate Miners Union has come under attack by Ostrava and Quillon."), "quillon", .opposes, "slate-union"))
        #expect(!has(extract3("Pellia came under pressure from the Amber Guard."), "amber-guard", .opposes, "pellia"))
    }

    @Test func conditionOfAThreat() {
        #expect(has(extract3("Quillon threatened to halt fuel exports unless Pellia released the prisoners."), "quillon", .opposes, "pellia"))
        #expect(has(extract3("Ostrava said it would boycott the summit unless Pellia withdrew its troops."), "ostrava", .opposes, "pellia"))
        // a condition on a past act is no threat
        #expect(!has(extract3("Ostrava condemned the bombing if Pellia was behind it."), "ostrava", .opposes, "pellia"))
    }

    @Test func mediation() {
        for text in ["Quillon mediated between Ostrava and Pellia.",
                     "Quillon launched a mediation effort between Ostrava and Pellia last year."] {
            let cs = extract3(text)
            #expect(has(cs, "ostrava", .meets, "quillon") || has(cs, "quillon", .meets, "ostrava"), "\(text)")
            #expect(has(cs, "pellia", .meets, "quillon") || has(cs, "quillon", .meets, "pellia"), "\(text)")
        }
    }

    @Test func callsAndTalksWithHave() {
        for text in ["Ida Moro had a call with Leo Brandt on Friday.", "Ida Moro spoke by phone with Leo Brandt.",
                     "Ida Moro had talks with Leo Brandt."] {
            let cs = extract3(text)
            #expect(has(cs, "ida-moro", .meets, "leo-brandt") || has(cs, "leo-brandt", .meets, "ida-moro"), "\(text)")
        }
    }

    @Test func arrivalIsAVisit() {
        #expect(has(extract3("Ida Moro arrived in Pellia on Sunday for talks."), "pellia", .hosts, "ida-moro"))
        #expect(has(extract3("Ida Moro paid a visit to Quillon."), "quillon", .hosts, "ida-moro"))
    }

    @Test func nominalDemandAndLinks() {
        #expect(has(extract3("Ostrava renewed its demand that Pellia open the border."), "ostrava", .opposes, "pellia"))
        #expect(has(extract3("Quillon denied any links with the Amber Guard."), "quillon", .supports, "amber-guard", .denied))
        #expect(has(extract3("Ostrava announced a suspension of air links with Quillon."), "ostrava", .opposes, "quillon"))
        #expect(has(extract3("Pellia closed its borders with Quillon."), "pellia", .opposes, "quillon"))
    }

    @Test func placeBeforeAgainst() {
        #expect(has(extract3("The Slate Miners Union staged rallies in the port city against Ida Moro."), "slate-union", .opposes, "ida-moro"))
        #expect(has(extract3("The Slate Miners Union marched through the capital against Ida Moro."), "slate-union", .opposes, "ida-moro"))
    }
}

@Suite struct RoundThreeArguments {
    @Test func nationalityBeforeAnEventNounActs() {
        #expect(has(extract3("Ostravan air strikes on the Amber Guard killed six fighters."), "ostrava", .opposes, "amber-guard"))
        #expect(has(extract3("Quillon criticised the Ostravan decision to close the port."), "quillon", .opposes, "ostrava"))
        // a nationality before any other noun is no actor
        #expect(!has(extract3("Ostravan farmers condemned the Amber Guard."), "ostrava", .opposes, "amber-guard"))
    }

    @Test func passiveAgentAfterAnAdverbial() {
        #expect(has(extract3("Pellia was attacked on Monday by the Amber Guard."), "amber-guard", .opposes, "pellia"))
    }

    @Test func peopleFromAnActorAreItsPeople() {
        #expect(has(extract3("Ida Moro received a delegation from Pellia."), "ida-moro", .hosts, "pellia"))
        #expect(has(extract3("The Amber Guard received weapons from Pellia."), "pellia", .supports, "amber-guard"))
        #expect(!has(extract3("The Amber Guard received weapons from Pellia."), "amber-guard", .hosts, "pellia"))
    }

    @Test func numbersKeepTheirCommas() {
        #expect(has(extract3("Ostrava detained some 1,200 members of the Slate Miners Union."), "ostrava", .opposes, "slate-union"))
    }

    @Test func meetingInAnOwnPlace() {
        let cs = extract3("In his office in the capital, Leo Brandt met with Ida Moro.")
        #expect(has(cs, "leo-brandt", .hosts, "ida-moro"))
        #expect(has(extract3("Ida Moro met Leo Brandt at Brandt's residence."), "leo-brandt", .hosts, "ida-moro"))
        // after the names, a pronoun does not say whose home it is
        let home = extract3("Ida Moro met Leo Brandt at her home.")
        #expect(!has(home, "leo-brandt", .hosts, "ida-moro") && !has(home, "ida-moro", .hosts, "leo-brandt"))
    }

    @Test func timeAdverbialInsideAPhrase() {
        #expect(has(extract3("Ostrava repeated its demand today that Pellia free the hostages."), "ostrava", .opposes, "pellia"))
        let cs = extract3("Quillon launched a mediation effort on Saturday between Ostrava and Pellia.")
        #expect(has(cs, "ostrava", .meets, "quillon") || has(cs, "quillon", .meets, "ostrava"))
    }

    @Test func coordinationPassesADeterminer() {
        let cs = extract3("Quillon said on Friday that Pellia and the Amber Guard must end the fighting.")
        #expect(has(cs, "quillon", .opposes, "pellia") && has(cs, "quillon", .opposes, "amber-guard"))
    }

    @Test func whatADemandAsksForIsNoRelation() {
        let cs = extract3("Quillon said that Pellia and the Amber Guard must reach an agreement.")
        #expect(!has(cs, "pellia", .supports, "amber-guard") && !has(cs, "amber-guard", .supports, "pellia"))
    }

    @Test func possessiveObjectDoesNotCrossAPreposition() {
        let cs = extract3("Quillon condemned the Amber Guard's attack on Pellia.")
        #expect(has(cs, "quillon", .opposes, "amber-guard"))
        #expect(has(cs, "amber-guard", .opposes, "pellia"))
        #expect(!has(cs, "quillon", .opposes, "pellia"))
    }

    @Test func roundThreeLexiconFamilies() {
        #expect(has(extract3("Ostrava exchanged fire with the Amber Guard."), "ostrava", .opposes, "amber-guard"))
        let both = extract3("Ostrava and Pellia traded accusations.")
        #expect(has(both, "ostrava", .opposes, "pellia") && has(both, "pellia", .opposes, "ostrava"))
        #expect(has(extract3("Pellia massed troops on the border with Quillon."), "pellia", .opposes, "quillon"))
        #expect(has(extract3("The Slate Miners Union held a rally against Ida Moro."), "slate-union", .opposes, "ida-moro"))
        #expect(has(extract3("Ostrava used tear gas to disperse the Slate Miners Union."), "ostrava", .opposes, "slate-union"))
        #expect(has(extract3("Quillon opened its borders to the Slate Miners Union."), "quillon", .supports, "slate-union"))
    }
}
