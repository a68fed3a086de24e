"""The shared participatory diagnosis: AFOM grid, stakeholder map, needs / responses grid,
and the « mon territoire » workbook. Pure."""
