namespace ScalingLaws.Data;

/// <summary>The mixture/loss file pairs of RegMix (sail-sg/regmix, <c>data/</c>).</summary>
public enum RegMixSet
{
    /// <summary>512 training mixtures, 1M-parameter models on 1B tokens (<c>train_mixture_1m.csv</c>, <c>train_pile_loss_1m.csv</c>).</summary>
    Train1M,

    /// <summary>256 test mixtures, 1M-parameter models (<c>test_mixture_1m.csv</c>, <c>test_pile_loss_1m.csv</c>).</summary>
    Test1M,

    /// <summary>256 test mixtures, 60M-parameter models (<c>test_mixture_60m.csv</c>, <c>test_pile_loss_60m.csv</c>).</summary>
    Test60M,

    /// <summary>64 test mixtures, 1B-parameter models on 25B tokens (<c>test_mixture_1B.csv</c>, <c>test_pile_loss_1B.csv</c>).</summary>
    Test1B,
}
