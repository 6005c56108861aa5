import Foundation

/// States with their codes, names, capitals and adjectives (Resources/gazetteer.txt).
public struct Gazetteer: Sendable {
    public struct State: Sendable {
        /// ISO 3166-1 alpha-2.
        public var code: String
        /// ISO alpha-3 and other three-letter codes (CAMEO) that mean this state.
        public var otherCodes: [String]
        public var names: [String]
        public var capitals: [String]
        public var adjectives: [String]
    }

    public private(set) var states: [State] = []

    public init(text: String, file: String = "gazetteer.txt") throws {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            guard fields.count == 5, fields[0].count == 1, fields[0][0].count == 2, !fields[2].isEmpty else {
                throw Lexicon.FormatError(file: file, line: index + 1,
                                          message: "expected CODE|CODES|NAMES|CAPITALS|ADJECTIVES")
            }
            states.append(State(code: fields[0][0], otherCodes: fields[1], names: fields[2],
                                capitals: fields[3], adjectives: fields[4]))
        }
    }

    /// The gazetteer bundled with ActorGraph.
    public static func bundled() throws -> Gazetteer {
        try Gazetteer(text: try BundledData.text("gazetteer.txt"))
    }

    /// The state with an alpha-2, alpha-3 or other listed code.
    public func state(code: String) -> State? {
        let upper = code.uppercased()
        return states.first { $0.code == upper || $0.otherCodes.contains(upper) }
    }
}
