"""Store tests: one backend-neutral contract suite (contract.py) plus backend-specific tests."""
