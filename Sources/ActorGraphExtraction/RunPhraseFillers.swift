import Foundation

/// The words a lexicon phrase may hold between its own.
extension Run {
    /// Words a lexicon phrase may have between its words: "signed a new trade agreement with",
    /// "established diplomatic ties with". Articles in a phrase are optional and interchangeable.
    static let phraseFillers: Set<String> = [
        "a", "an", "the", "its", "their", "his", "her", "new", "formal", "full", "diplomatic", "bilateral",
        "economic", "military", "trade", "security", "peace", "landmark", "historic", "fresh", "further",
        "direct", "official", "political", "financial", "humanitarian", "first", "second", "several",
        "two", "three", "series", "of", "wave", "string", "strategic", "defence", "defense", "cooperation",
        "friendship", "warm", "lengthy", "long", "brief", "rare", "renewed", "separate", "high-level",
        // aid in kind: "received weapons and training from X"
        "and", "arms", "weapons", "training", "money", "funds", "funding", "equipment", "ammunition", "aid",
        "support", "assistance",
        // adverbs inside a phrase: "clashed repeatedly with", "met again with"
        "repeatedly", "again", "frequently", "often", "briefly", "directly", "openly", "publicly", "fiercely",
        "heavily", "secretly", "reportedly", "formally", "jointly",
        // joint activity and weapons inside a phrase: "held joint air drills with", "fired water
        // cannon at", "exchanged 300 prisoners of war"
        "joint", "mutual", "naval", "air", "large", "scale", "large-scale", "live-fire", "rockets", "missiles", "shells", "mortars", "drones",
        "shots", "warning", "water", "cannon", "cannons", "artillery",
        // quantities: "keeps about 28,500 troops in", "several thousand troops"
        "about", "some", "around", "nearly", "almost", "thousand", "thousands", "hundred", "hundreds", "dozens",
        "remaining", "own",
        // round 19: "brokered a fragile ceasefire between", "held two days of talks with"
        "fragile", "tentative", "partial", "lasting", "comprehensive", "durable", "immediate", "intensive", "marathon",
        "another", "final", "latest", "closed-door", "days", "hours", "weeks",
        // round 14: "closed the main border crossing with", "keeps a small army training unit in"
        "main", "small", "major", "key", "only", "last", "entire", "army", "crossing", "permanent", "temporary",
    ]
}
