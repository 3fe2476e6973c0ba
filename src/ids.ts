/**
 * A UUID, as Kapso's ids and the inputs that name one are. A module of its own, with nothing to load: the
 * entry reads the scope with it before the rest of the action (and valibot, which boundary/ parses with) loads.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
