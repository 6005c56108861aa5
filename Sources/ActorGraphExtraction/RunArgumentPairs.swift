import ActorGraphCore
import Foundation

extension Run {
    /// A source and target mention for a trigger, with the construction that paired them, its
    /// base confidence and their distance in tokens.
    typealias ArgumentPair = (source: Int, target: Int, construction: String, base: Double, distance: Int)

    /// Every (source, target) pair a trigger's construction yields: active and passive verbs,
    /// adjectives, nouns ("a meeting with"), roles ("X's ally Y") and places ("an office in X").
    mutating func argumentPairs(_ hit: TriggerHit) -> [ArgumentPair] {
        let t = hit.trigger
        let start = hit.range.lowerBound, end = hit.range.upperBound
        let lemma = t.words.joined(separator: " ")
        var pairs: [ArgumentPair] = []
        switch t.form {
        case .verb, .adjective:
            var beBefore = false
            var k = start - 1
            while k >= 0, k >= start - 3 {
                if Self.beForms.contains(tokens[k].key) { beBefore = true; break }
                if owner[k] != nil || tokens[k].kind != .word { break }
                k -= 1
            }
            // "X said the drone was Russian and accused Y": the speaker's act, not a passive.
            if beBefore, speechVerb(coordinatedWith: start) != nil { beBefore = false }
            // "Y was attacked on Monday by X": after a form of "be", "by" may follow an adverbial.
            var byAgent = mention(afterPreposition: ["by"], from: end, within: beBefore && hit.isParticiple ? 6 : 2)
            // "was agreed at talks hosted by X": the agent of another participle on the way.
            if let (_, byAt) = byAgent, (end..<byAt).contains(where: { tokens[$0].key.hasSuffix("ed") && !tokens[$0].isCapitalized }) {
                byAgent = nil
            }
            if hit.isParticiple && tokens[start].hyphenBefore, let source = owner[start - 1] {
                let (targets, distance) = objects(after: end, window: 5)
                for target in targets { pairs.append((source, target, "verb-compound", 0.75, distance)) }
            // "has been hit by X": an irregular participle after a form of "be" is passive too.
            } else if (hit.isParticiple || (byAgent != nil && beBefore && start > 0 && !tokens[start].key.hasSuffix("ing")
                                            && Self.beForms.contains(tokens[start - 1].key)))
                        && (beBefore || (byAgent != nil && end < tokens.count && tokens[end].key == "by")) {
                guard let (byMention, byAt) = byAgent else { break }
                // "by the EU's special representative, Peter Sørensen,": the person named.
                let agent = appositivePerson(after: byMention) ?? byMention
                var before = start - 1
                if before >= 0, tokens[before].key == "," { before -= 1 }
                // "The talks were hosted by X": an event as the passive's subject.
                if t.type == .hosts, !t.reverse, beBefore, before >= 1,
                   let subjectStart = (max(0, start - 6)..<start).last(where: { Self.eventNouns.contains(tokens[$0].key) }),
                   !(subjectStart..<start).contains(where: { owner[$0] != nil }),
                   subjectStart == 0 || [",", "the", "a", "an"].contains(tokens[subjectStart - 1].key) {
                    eventHosts.append((mentions[agent], hit.range))
                    break
                }
                if t.type == .hosts, !t.reverse, !beBefore, before >= 0, owner[before] == nil,
                   (max(0, start - 12)..<start).reversed().prefix(while: { ![";", ".", "(", ")"].contains(tokens[$0].key) })
                    .contains(where: { Self.eventNouns.contains(tokens[$0].key) }) {
                    // "the Conference … hosted by X", "a summit hosted by X"
                    eventHosts.append((mentions[agent], hit.range))
                    break
                }
                // "Y, backed by X": without a form of "be", Y must come right before the participle.
                var patients = subjects(before: start)
                if patients.isEmpty, beBefore {
                    // "A camp for X refugees was attacked by Y": the nearest mention in the subject.
                    if let m = (max(0, start - 8)..<start).reversed().compactMap({ owner[$0] }).first, !mentions[m].isLocation {
                        patients = [m]
                    }
                }
                if !beBefore {
                    var k = start - 1
                    if k >= 0, tokens[k].key == "," { k -= 1 }
                    if k >= 0, owner[k] != nil {
                        patients = patients.filter { mentions[$0].range.upperBound == k + 1 || owner[k] == $0 }
                    } else if let head = appositionHead(before: start) {
                        // "Y, a militia backed by X"
                        patients = [head]
                    } else {
                        patients = []
                    }
                }
                for patient in patients { pairs.append((agent, patient, "verb-passive", 0.8, byAt - end)) }
            } else if hit.reciprocalOnly {
                let sources = subjects(before: start)
                // "X and Y traded blame as Z advanced": a subordinate clause holds no object.
                let subordinate = end < tokens.count && Self.subordinators.contains(tokens[end].key)
                if sources.count >= 2, !multilateral(sources, t.type), subordinate || objects(after: end, window: 3).mentions.isEmpty {
                    for a in 0..<sources.count { for b in (a + 1)..<sources.count {
                        pairs.append((sources[a], sources[b], "coordinated", 0.75, 0))
                        if !t.type.isSymmetric { pairs.append((sources[b], sources[a], "coordinated", 0.75, 0)) }
                    } }
                }
            } else {
                // "fees charged by the Swiss grid operator X": a participle before "by" is passive,
                // even when its agent is too far to read; it has no active reading.
                if t.form == .verb, end < tokens.count, tokens[end].key == "by", hit.isParticiple || tokens[end - 1].key.hasSuffix("ed") { break }
                let sources = t.form == .adjective ? predicateSubject(before: start) : subjects(before: start)
                // "X hosted the talks": the talks' participants are the guests.
                if t.type == .hosts, !t.reverse, let host = sources.first,
                   let noun = (end..<min(tokens.count, end + 4)).first(where: { !Self.phraseFillers.contains(tokens[$0].key) }),
                   owner[noun] == nil, Self.eventNouns.contains(tokens[noun].key) {
                    eventHosts.append((mentions[host], hit.range))
                    break
                }
                // "X threatened (on Monday) to resume attacks in Y": the threat's target is in the
                // infinitive's clause, places included.
                let infinitive = t.type == .opposes && Self.threatVerbs.contains(t.words[0])
                    && (t.words.last == "to" ? end < tokens.count && owner[end] == nil && tokens[end].kind == .word
                        : (end..<min(tokens.count, end + 3)).contains { tokens[$0].key == "to" && $0 + 1 < tokens.count && owner[$0 + 1] == nil })
                // A place is what one visits or arrives in, never what one receives or hosts
                // ("receiving care in Belarus", "hosted talks in Doha").
                // "Russian drones struck energy facilities in Ukraine": an armed strike on what is
                // in a state strikes the state, when no party is named first.
                // A phrase that ends in "in" ("invest in", "close its embassy in") takes the state it names.
                let allowLocation = t.reverse || lemma == "visit" || infinitive || (t.words.count > 1 && t.words.last == "in")
                    || (Self.strikeVerbs.contains(t.words[0]) && !(end..<min(tokens.count, end + 3)).contains { Self.dealNouns.contains(tokens[$0].key) })
                // "accused X of …", "blamed X for …": the object stands before "of"/"for".
                let accusationWindow = Self.accusationVerbs[t.words[0]].flatMap { prep in
                    (end..<min(tokens.count, end + 8)).first { tokens[$0].key == prep }.map { $0 - end }
                }
                var (targets, distance) = objects(after: end, window: accusationWindow ?? (infinitive ? 14 : 8), allowLocation: allowLocation,
                                                   fromIsSource: t.type != .opposes && t.words.last != "from",
                                                   allowPair: t.words.last == "between")
                var construction = t.form == .adjective ? "adjective" : "verb-active"
                // "Y, which X has armed (for years), …": the relative pronoun is the object.
                // "Y, which X accuses of …": a preposition right after the verb, so Y is still its object.
                if targets.isEmpty || (isPreposition(end) && t.words.count == 1), t.form == .verb, sources.count == 1,
                   let antecedent = relativeAntecedent(subject: sources[0], verb: start) {
                    (targets, distance) = ([antecedent], 0)
                    construction = "verb-relative"
                }
                // "X demanded (on Friday) that Y …": the clause's subject is the target.
                if targets.isEmpty, t.type == .opposes || t.type == .supports,
                   let that = (end..<min(tokens.count, end + 4)).first(where: { tokens[$0].key == "that" }),
                   !(end..<that).contains(where: { owner[$0] != nil || tokens[$0].kind == .punctuation }) {
                    (targets, distance) = objects(after: that + 1, window: 4)
                    construction = "verb-that"
                }
                // "X threatened to halt trade unless Y withdraws": Y, whom the condition names.
                // (a threat, or an act announced with "will"/"would"; not "condemned it if Y …")
                if targets.isEmpty, t.type == .opposes,
                   Self.threatVerbs.contains(t.words[0]) || (max(0, start - 3)..<start).contains(where: { ["will", "would", "shall"].contains(tokens[$0].key) }),
                   let y = conditionSubject(after: end) {
                    (targets, distance) = ([y], 0)
                    construction = "verb-unless"
                }
                for s in sources { for o in targets { pairs.append((s, o, construction, ["verb-that", "verb-unless"].contains(construction) ? 0.65 : 0.8, distance)) } }
                // "the two factions have fought each other": explicitly reciprocal.
                let eachOther = (end..<min(tokens.count, end + 3)).contains {
                    $0 + 1 < tokens.count && ((tokens[$0].key == "each" && tokens[$0 + 1].key == "other")
                        || (tokens[$0].key == "one" && tokens[$0 + 1].key == "another"))
                }
                // four or more parties that sign or agree together are a multilateral act, not
                // a web of pairwise support ("five members … signed an agreement")
                if targets.isEmpty && sources.count >= 2 && (!multilateral(sources, t.type) || eachOther)
                    && (t.type == .meets || eachOther || (extractor.cues.reciprocalHeads.contains(t.words[0])
                        // "X and Y held drills near the border": a place, not each other
                        && !["near", "around", "off", "in", "at", "along", "into", "on"].contains(t.words.last!))) {
                    for a in 0..<sources.count { for b in (a + 1)..<sources.count {
                        pairs.append((sources[a], sources[b], "coordinated", 0.75, 0))
                        if !t.type.isSymmetric { pairs.append((sources[b], sources[a], "coordinated", 0.75, 0)) }
                    } }
                }
                if construction != "verb-relative" { for o in targets { objectOfRecord(o, sources) } }
            }
        case .noun:
            pairs = nounPairs(hit)
        case .role:
            pairs = rolePairs(hit)
        case .place:
            pairs = placePairs(hit)
        }
        return pairs
    }
}
