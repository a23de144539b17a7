"""Pages of the plans area, one module per part (plans, units' plans, reminders, oversight)."""
