extension FeatureSpec {
    /// The default person-unit spec: accident, place, vehicle and person fields with the
    /// derived time, age, equipment and accident-context features.
    public static let defaultPerson = FeatureSpec(
        unit: .person,
        features: accidentAndPlaceFeatures + [
            FeatureDefinition(.field(.catv), .categorical),
            FeatureDefinition(.derived(.vehicleGroup), .categorical),
            FeatureDefinition(.field(.obs), .categorical),
            FeatureDefinition(.field(.obsm), .categorical),
            FeatureDefinition(.field(.choc), .categorical),
            FeatureDefinition(.field(.manv), .categorical),
            FeatureDefinition(.field(.motor), .categorical),
            FeatureDefinition(.field(.place), .categorical),
            FeatureDefinition(.field(.catu), .categorical),
            FeatureDefinition(.field(.sexe), .categorical),
            FeatureDefinition(.derived(.age), .numeric(clip: 0...110)),
            FeatureDefinition(.field(.trajet), .categorical),
            FeatureDefinition(.field(.secu1), .categorical),
            FeatureDefinition(.derived(.safetyEquipmentUsed), .numeric(clip: nil)),
            FeatureDefinition(.field(.locp), .categorical),
            FeatureDefinition(.field(.actp), .categorical),
            FeatureDefinition(.field(.etatp), .categorical),
        ] + countFeatures + [
            FeatureDefinition(.derived(.heaviestOtherVehicle), .categorical),
        ])

    /// The default accident-unit spec: accident and place fields with accident-level aggregates.
    public static let defaultAccident = FeatureSpec(
        unit: .accident,
        features: accidentAndPlaceFeatures + countFeatures + [
            FeatureDefinition(.derived(.twoWheelerShare), .numeric(clip: nil)),
            FeatureDefinition(.derived(.heavyVehicleShare), .numeric(clip: nil)),
            FeatureDefinition(.derived(.pedestrianShare), .numeric(clip: nil)),
            FeatureDefinition(.derived(.heaviestVehicle), .categorical),
            FeatureDefinition(.derived(.unprotectedOccupant), .numeric(clip: nil)),
            FeatureDefinition(.derived(.youngestAge), .numeric(clip: 0...110)),
            FeatureDefinition(.derived(.oldestAge), .numeric(clip: 0...110)),
        ])

    private static let accidentAndPlaceFeatures: [FeatureDefinition] = [
        FeatureDefinition(.field(.mois), .cyclic(period: 12), name: "month"),
        FeatureDefinition(.derived(.hour), .cyclic(period: 24)),
        FeatureDefinition(.derived(.weekday), .categorical),
        FeatureDefinition(.derived(.night), .numeric(clip: nil)),
        FeatureDefinition(.field(.lum), .categorical),
        FeatureDefinition(.derived(.insideAgglomeration), .numeric(clip: nil)),
        FeatureDefinition(.field(.int), .categorical),
        FeatureDefinition(.field(.atm), .categorical),
        FeatureDefinition(.field(.col), .categorical),
        FeatureDefinition(.field(.catr), .categorical),
        FeatureDefinition(.field(.circ), .categorical),
        FeatureDefinition(.field(.nbv), .numeric(clip: 0...8)),
        FeatureDefinition(.field(.vosp), .categorical),
        FeatureDefinition(.field(.prof), .categorical),
        FeatureDefinition(.field(.plan), .categorical),
        FeatureDefinition(.field(.surf), .categorical),
        FeatureDefinition(.field(.infra), .categorical),
        FeatureDefinition(.field(.situ), .categorical),
        FeatureDefinition(.field(.vma), .numeric(clip: 0...130)),
        FeatureDefinition(.derived(.speedLimitBand), .categorical),
    ]

    private static let countFeatures: [FeatureDefinition] = [
        FeatureDefinition(.derived(.vehicleCount), .numeric(clip: 0...10)),
        FeatureDefinition(.derived(.personCount), .numeric(clip: 0...20)),
        FeatureDefinition(.derived(.pedestrianCount), .numeric(clip: 0...10)),
        FeatureDefinition(.derived(.twoWheelerCount), .numeric(clip: 0...10)),
        FeatureDefinition(.derived(.heavyVehicleCount), .numeric(clip: 0...10)),
        FeatureDefinition(.derived(.fixedObstacle), .numeric(clip: nil)),
    ]
}
