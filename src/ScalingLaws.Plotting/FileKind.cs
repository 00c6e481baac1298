namespace ScalingLaws.Plotting;

/// <summary>What a path names, as far as writing to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file: replaced atomically.</summary>
    Regular,

    /// <summary>A folder: cannot be written.</summary>
    Folder,

    /// <summary>A device, FIFO, socket or terminal: streamed to, never replaced.</summary>
    Special,
}

