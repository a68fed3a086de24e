"""The round table of day 2: questions, questions from the room, notes. Pure."""
