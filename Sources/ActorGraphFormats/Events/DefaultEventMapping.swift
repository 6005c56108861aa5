/// The default event mapping, in the format of a `--mapping` file (docs/FORMAT.md, "Event
/// mapping"); `actorgraph import --print-mapping` prints it as a starting point for your own.
///
/// This file is data: edit the text, not code.
let defaultEventMappingText = """
# ActorGraph event mapping: scheme <TAB> code <TAB> type
# type: supports | meets | opposes | hosts, or - for "no relation" (the row is skipped and counted).
# cameo: the longest matching prefix of the event code wins (043 before 04).
# plover: CATEGORY, or CATEGORY/mode (the mode, when the record has it, wins).
# acled: event type, or event type/sub-event type (the sub-event type wins). Case is ignored.
cameo	01	-
cameo	02	-
cameo	03	-
cameo	04	meets
cameo	043	hosts
cameo	05	supports
cameo	06	supports
cameo	07	supports
cameo	08	supports
cameo	09	-
cameo	10	-
cameo	11	opposes
cameo	12	opposes
cameo	13	opposes
cameo	14	opposes
cameo	15	opposes
cameo	16	opposes
cameo	17	opposes
cameo	18	opposes
cameo	19	opposes
cameo	20	opposes
plover	AGREE	supports
plover	SUPPORT	supports
plover	COOPERATE	supports
plover	AID	supports
plover	CONCEDE	supports
plover	RETREAT	supports
plover	CONSULT	meets
plover	CONSULT/host	hosts
plover	INVESTIGATE	-
plover	DEMAND	-
plover	REQUEST	-
plover	DISAPPROVE	opposes
plover	ACCUSE	opposes
plover	REJECT	opposes
plover	THREATEN	opposes
plover	PROTEST	opposes
plover	MOBILIZE	opposes
plover	SANCTION	opposes
plover	COERCE	opposes
plover	ASSAULT	opposes
plover	FIGHT	opposes
acled	Battles	opposes
acled	Explosions/Remote violence	opposes
acled	Violence against civilians	opposes
acled	Riots	opposes
acled	Protests	opposes
acled	Strategic developments	-
acled	Strategic developments/Agreement	supports
acled	Strategic developments/Arrests	opposes

"""
