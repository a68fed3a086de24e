"""The shared participatory diagnosis (pure).

AFOM grid, stakeholder map, needs / responses grid, and the « mon territoire » workbook.
"""
