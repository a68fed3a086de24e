"""Introduction of day 1: glossary, ESS history, Régies values, figures and quiz. Pure."""
