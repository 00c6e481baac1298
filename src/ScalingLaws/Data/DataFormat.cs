namespace ScalingLaws.Data;

/// <summary>The run-log formats <see cref="RunTableLoader"/> can read.</summary>
public enum DataFormat
{
    /// <summary>Comma-separated values with a header row (<see cref="CsvRunReader"/>).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row (<see cref="CsvRunReader"/>).</summary>
    Tsv,

    /// <summary>Epoch AI's extraction of Chinchilla's Figure 4 (<see cref="EpochChinchillaReader"/>).</summary>
    EpochChinchilla,

    /// <summary>Muennighoff et al.'s data-constrained runs (<see cref="DatablationsReader"/>).</summary>
    Datablations,

    /// <summary>A RegMix mixture file and its loss file, joined (<see cref="RegMixReader"/>).</summary>
    RegMix,

    /// <summary>Data Mixing Laws training logs: one file or a set folder (<see cref="MixingLawsReader"/>).</summary>
    MixingLaws,
}
