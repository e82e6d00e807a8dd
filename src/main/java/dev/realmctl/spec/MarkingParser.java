package dev.realmctl.spec;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Remembers where the last event read stood: SnakeYAML's own limits (aliases, nesting depth) throw
 * without a mark, at the event that crossed them.
 */
final class MarkingParser implements Parser {
  private final Parser parser;
  private Mark lastMark;

  MarkingParser(Parser parser) {
    this.parser = parser;
  }

  Mark lastMark() {
    return lastMark;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    lastMark = event.getStartMark();
    return event;
  }
}
