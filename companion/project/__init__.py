"""The territorial project sheet: from the workshop to objectives, an action plan and its
follow-up (model, builder, checks, JSON, HTML and XLSX exports). Pure."""
