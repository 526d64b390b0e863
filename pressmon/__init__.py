"""pressmon: media monitoring and misinformation triage for BHXH Việt Nam's Communications
Center."""

__version__ = "0.1.0"
