import ActorGraphCore
import Foundation

/// Extraction over one sentence: tokens, mentions, cues, triggers, roles, candidates.
extension Run {
    // MARK: Sentences

    mutating func sentence(_ index: Int, _ range: Range<String.Index>) {
        tokens = Tokenizer.tokens(in: text, range: range)
        mentions = []
        owner = Array(repeating: nil, count: tokens.count)
        objectOf = [:]
        pairIndex = [:]
        findMentions(index)
        mergeTitledModifiers()
        personsGroups()
        pairedDescriptions(index)
        datelineForces()
        stateOrganMentions()
        findCues()
        eventHosts = []
        // "X said that … . Because …, Y …": a sentence in the same paragraph that opens with a
        // connective, and has no speech cue of its own, goes on with the previous one's speech.
        carriedAttribution = nil
        let sameParagraph = previousEnd.map { !text[$0..<range.lowerBound].contains(where: \.isNewline) } ?? false
        let ownSpeech = cueHits.contains { $0.section == "reported" }
        if sameParagraph, !ownSpeech, let previous = previousSpeech, let first = tokens.first,
           Self.continuations.contains(first.key) || ["\"", "\u{201C}"].contains(first.key) {
            carriedAttribution = previous
        }
        let date = DateResolver.date(of: tokens, base: articleDate)
        let quote = String(text[range])
        var found: [Candidate] = []
        let hits = findTriggers()
        for hit in hits {
            // "dismissed reports that …", "denied claims": a trigger inside a denial cue is the cue.
            if cueHits.contains(where: { $0.section == "denied" && $0.range.contains(hit.range.lowerBound) }) { continue }
            // "rejection of the support for X": a supporting noun that an opposing trigger governs
            // is what is opposed, not a relation of its own.
            if hit.trigger.form == .noun, hit.trigger.type == .supports,
               hits.contains(where: { $0.trigger.type == .opposes && $0.range.upperBound <= hit.range.lowerBound
                   && hit.range.lowerBound - $0.range.upperBound <= 4 }) {
                continue
            }
            let produced = isChargedAct(hit) ? [] : roles(hit, sentence: index, date: date, quote: quote)
            found += produced
            found += accusedActs(hit, sentence: index, date: date, quote: quote)
            if produced.isEmpty {
                found += eventNounStance(hit, earlier: found, sentence: index, date: date, quote: quote)
            } else {
                found += venueHosts(hit, produced.filter { $0.type == .meets }, sentence: index, date: date, quote: quote)
            }
        }
        found += implied(sentence: index, date: date, quote: quote)
        found += characterisations(sentence: index, date: date, quote: quote)
        found += attendanceHosts(sentence: index, date: date, quote: quote)
        found += signedAgreements(sentence: index, date: date, quote: quote)
        found += underAttack(sentence: index, date: date, quote: quote)
        found += meetingPlaceHosts(found, sentence: index, date: date, quote: quote)
        // "X and Y held talks at a conference hosted by Z", "Z, which hosted the meeting": Z hosts
        // the participants of the meetings of this sentence or the one before.
        if !eventHosts.isEmpty {
            // the host's own meetings ("Z, which has mediated between the two sides") are not the event
            let hosts = Set(eventHosts.map(\.host.actor))
            var meetings = found.filter { $0.type == .meets && !hosts.contains($0.source) && !hosts.contains($0.target) }
            if meetings.isEmpty {
                meetings = candidates.filter { $0.type == .meets && $0.sentence == index - 1 && $0.document == document
                    && !hosts.contains($0.source) && !hosts.contains($0.target) }
            }
            var participants: [ActorID] = []
            for c in meetings { for a in [c.source, c.target] where !participants.contains(a) { participants.append(a) } }
            // "X and Y agreed to … after talks hosted by Z": with no meeting named, the clause's
            // coordinated subject held the talks; they met.
            if participants.isEmpty, let first = eventHosts.map(\.trigger.lowerBound).min(),
               let group = mentions.indices.filter({ mentions[$0].range.upperBound <= first && !mentions[$0].isLocation })
                .map({ coordinated($0) }).filter({ $0.count >= 2 }).max(by: { $0.count < $1.count }) {
                let actors = group.map { mentions[$0].actor }
                let trigger = eventHosts.first(where: { $0.trigger.lowerBound == first })?.trigger ?? eventHosts[0].trigger
                let label = String(text[tokens[trigger.lowerBound].range.lowerBound..<tokens[trigger.upperBound - 1].range.upperBound])
                for (a, x) in actors.enumerated() where !participants.contains(x) {
                    participants.append(x)
                    for y in actors[(a + 1)...] where y != x {
                        found.append(Candidate(source: x, target: y, type: .meets,
                                               modality: modality(trigger: trigger.lowerBound, negated: isNegated(before: trigger.lowerBound),
                                                                  parties: [x, y]),
                                               date: date, label: label, quote: quote, document: document, confidence: 0.55,
                                               rule: "event-participants", sentence: index))
                    }
                }
            }
            for (host, trigger) in eventHosts {
                for guest in participants where guest != host.actor {
                    if let a = country(of: host.actor), a == country(of: guest) { continue }
                    let label = String(text[tokens[trigger.lowerBound].range.lowerBound..<tokens[trigger.upperBound - 1].range.upperBound])
                    var confidence = 0.6 * host.certainty
                    if index < 4 { confidence += 0.05 }
                    found.append(Candidate(source: host.actor, target: guest, type: .hosts,
                                           modality: modality(trigger: trigger.lowerBound, negated: isNegated(before: trigger.lowerBound),
                                                              parties: [host.actor, guest]),
                                           date: date, label: label, quote: quote, document: document,
                                           confidence: (confidence * 100).rounded() / 100, rule: "event-host", sentence: index))
                }
            }
        }
        found += receptionMeetings(found)
        // A person and the body they belong to in the graph (memberOf) speak as one: no
        // relation between them is proposed ("Rwanda's foreign minister warned that Kigali …").
        // A membership that ended before the article ("President until 2022") no longer counts:
        // "a court in Lima sentenced the former president".
        func member(_ a: ActorID, of b: ActorID) -> Bool {
            dictionary.memberships[a]?.contains { m in
                m.actor == b && !(articleDate.map { date in m.until.map { $0.endsBefore(date) } ?? false } ?? false)
            } == true
        }
        found.removeAll { c in member(c.source, of: c.target) || member(c.target, of: c.source) }
        // A state does not host its own people or bodies ("X lives in a village near Lima", X Peruvian).
        found.removeAll { c in
            c.type == .hosts && kind(of: c.source) == .government && country(of: c.source).map { $0 == country(of: c.target) } == true
        }
        // One candidate per pair and type in a sentence: the most confident.
        var best: [String: Candidate] = [:]
        var order: [String] = []
        for c in found {
            let key = "\(c.source)|\(c.target)|\(c.type)"
            if let old = best[key] {
                if c.confidence > old.confidence { best[key] = c }
            } else { best[key] = c; order.append(key) }
        }
        candidates += order.map { best[$0]! }
        for m in mentions where !m.isLocation { history.append((index, m.actor, m.kind)) }
        previousEnd = range.upperBound
        previousSpeech = nil
        for cue in cueHits where cue.section == "reported" {
            let words = cue.range.map { tokens[$0].key }.joined(separator: " ")
            if Self.speakerCues.contains(words) { previousSpeech = Attribution(speaker: speaker(of: cue)); break }
        }
        if previousSpeech == nil, let carried = carriedAttribution { previousSpeech = carried }
        if history.count > 64 { history.removeFirst(history.count - 64) }
    }
}
