"""One exception root for the classifier package."""


class ClassifierError(Exception):
    """Root of every error raised by `classifier`."""


class ModelNotFoundError(ClassifierError):
    """The model file named in the settings does not exist."""


class UntrustedModelError(ClassifierError):
    """The model file holds types outside the trusted list, or is not a model file at all."""


class ModelSaveError(ClassifierError):
    """The model file cannot be written: its folder cannot be made, no permission, disk full."""


class TrainingDataError(ClassifierError):
    """Labelled data is missing, malformed or has a single class."""


class ReferenceDataError(ClassifierError):
    """known_claims.yaml or official_facts.yaml is missing or malformed."""


class RelevanceConfigError(ClassifierError):
    """topics.yaml (relevance and topic rules) is missing or malformed."""
